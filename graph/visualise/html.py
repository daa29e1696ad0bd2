"""Actor graph → one self-contained, offline, UTF-8 HTML page (pyvis network data, own template).

pyvis builds the vis-network node/edge records and options; the page itself comes from
``templates/actors.html``, because pyvis's own template links Bootstrap from a CDN, its select
menu garbles Arabic (pyvis issue 173) and its writer uses the platform encoding. vis-network's
JS and CSS (shipped inside pyvis) are inlined, positions are precomputed and physics is off.
Every text reaches the page as JSON data and is put into the DOM with ``textContent``.

>>> import networkx as nx, tempfile, pathlib
>>> G = nx.MultiDiGraph()
>>> G.add_node("Q159", label_ar="روسيا", label_en="Russia", type="GPE", qid="Q159")
>>> G.add_node("Q227", label_ar="أذربيجان", label_en="Azerbaijan", type="GPE", qid="Q227")
>>> G.add_edge("Q159", "Q227", kind="event", type="CONSULT", sign=1, weight=1.0, date="2023-09-20")
0
>>> out = render_html(G, pathlib.Path(tempfile.mkdtemp()) / "g.html")
>>> text = out.read_text(encoding="utf-8")
>>> "روسيا" in text and "<link" not in text and "https://cdn" not in text and "????" not in text
True
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from graph.visualise.layout import node_sizes, positions

__all__ = ["SIGN_COLOURS", "TYPE_COLOURS", "edge_class", "network_data", "render_html"]

TYPE_COLOURS = {
    "GPE": "#4e79a7",
    "PER": "#f28e2b",
    "ORG": "#59a14f",
    "LOC": "#b07aa1",
    "NORP": "#edc948",
    "": "#9c9c9c",
}
SIGN_COLOURS = {"cooperation": "#2ca02c", "conflict": "#d62728", "neutral": "#7f7f7f", "comention": "#b8b8b8"}
_TEMPLATE_DIR = Path(__file__).with_name("templates")
_UI = {
    "ar": {
        "search": "ابحث عن فاعل…",
        "types": "الأنواع",
        "classes": "العلاقات",
        "time": "الفترة",
        "all": "الكل",
        "cumulative": "تراكمي",
        "legend": "مفتاح",
        "cooperation": "تعاون",
        "conflict": "صراع",
        "neutral": "حدث محايد",
        "comention": "ذكر مشترك",
        "hint": "مرّر المؤشر على عقدة أو علاقة",
    },
    "en": {
        "search": "Find an actor…",
        "types": "Types",
        "classes": "Relations",
        "time": "Period",
        "all": "All",
        "cumulative": "cumulative",
        "legend": "Legend",
        "cooperation": "cooperation",
        "conflict": "conflict",
        "neutral": "neutral event",
        "comention": "co-mention",
        "hint": "Hover over a node or an edge",
    },
}


def edge_class(d: dict[str, Any]) -> str:
    """cooperation | conflict | neutral | comention, from an edge's kind and sign.

    >>> edge_class({"kind": "event", "sign": -1}), edge_class({"kind": "comention", "sign": 0})
    ('conflict', 'comention')
    """
    if d.get("kind", "event") != "event":
        return "comention"
    sign = int(d.get("sign") or 0)
    return "cooperation" if sign > 0 else "conflict" if sign < 0 else "neutral"


def _as_list(value: Any) -> list:
    if value is None or value == "":
        return []
    if isinstance(value, str):  # GraphML/GEXF round trips keep lists as JSON strings
        try:
            value = json.loads(value)
        except ValueError:
            return [value]
    return list(value) if isinstance(value, (list, tuple)) else [value]


def _evidence(d: dict[str, Any], limit: int = 5) -> list[dict[str, str]]:
    sents, titles, urls = _as_list(d.get("sentences")), _as_list(d.get("titles")), _as_list(d.get("urls"))
    out = []
    for i in range(min(limit, max(len(sents), len(titles)))):
        out.append(
            {
                "s": str(sents[i]) if i < len(sents) else "",
                "t": str(titles[i]) if i < len(titles) else "",
                "u": str(urls[i]) if i < len(urls) else "",
            }
        )
    return out


def network_data(G: Any, *, lang: str = "ar", physics: bool = False, seed: int = 7):
    """Build the pyvis ``Network`` for ``G`` (nodes with fixed x/y, styled edges) and return it."""
    from pyvis.network import Network

    net = Network(directed=True, cdn_resources="in_line", select_menu=False, filter_menu=False)
    pos = positions(G, seed=seed)
    size = node_sizes(G)
    degree = dict(G.degree())
    other = "en" if lang == "ar" else "ar"
    for n in sorted(G.nodes, key=str):
        d = G.nodes[n]
        label = d.get(f"label_{lang}") or d.get(f"label_{other}") or str(n)
        ntype = str(d.get("type") or "")
        x, y = pos.get(n, (0, 0))
        net.add_node(
            str(n),
            label=label,
            shape="dot",
            color=TYPE_COLOURS.get(ntype, TYPE_COLOURS[""]),
            x=x,
            y=y,
            size=size.get(n, 10.0),
            physics=physics,
            ntype=ntype,
            label_ar=str(d.get("label_ar") or ""),
            label_en=str(d.get("label_en") or ""),
            qid=str(d.get("qid") or ""),
            country=str(d.get("country") or ""),
            degree=degree.get(n, 0),
        )
    parallel: Counter = Counter()
    top = max((float(d.get("weight") or 1.0) for _, _, d in G.edges(data=True)), default=1.0) or 1.0
    for i, (u, v, k, d) in enumerate(
        sorted(G.edges(keys=True, data=True), key=lambda e: (str(e[0]), str(e[1]), str(e[2])))
    ):
        pair = tuple(sorted((str(u), str(v))))
        nth = parallel[pair]
        parallel[pair] += 1
        cls = edge_class(d)
        weight = float(d.get("weight") or 1.0)
        smooth = (
            {"enabled": False}
            if nth == 0
            else {"enabled": True, "type": "curvedCW" if nth % 2 else "curvedCCW", "roundness": 0.18 * ((nth + 1) // 2)}
        )
        date = str(d.get("date") or "")
        net.add_edge(
            str(u),
            str(v),
            id=f"e{i}",
            color=SIGN_COLOURS[cls],
            width=round(1 + 5 * weight / top, 2),
            arrows={"to": {"enabled": cls != "comention" and not d.get("symmetric"), "scaleFactor": 0.5}},
            dashes=cls == "comention",
            smooth=smooth,
            cls=cls,
            etype=str(d.get("type") or ""),
            quad=str(d.get("quad_class") or ""),
            cameo=str(d.get("cameo") or ""),
            date=date,
            period=date[:7],
            weight=weight,
            mediator=str(d.get("mediator") or ""),
            ev=_evidence(d),
        )
    net.toggle_physics(physics)
    return net


def _script_json(value: Any) -> str:
    # JSON inside <script>: no "</script>", no "<!--", no line separators that end JS strings
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _vis_assets() -> tuple[str, str]:
    import pyvis

    lib = Path(pyvis.__file__).parent / "lib" / "vis-9.1.2"
    js = (lib / "vis-network.min.js").read_text(encoding="utf-8")
    css = (lib / "vis-network.css").read_text(encoding="utf-8")
    return js.replace("</script", "<\\/script"), css.replace("</style", "<\\/style")


def render_html(
    G: Any, path: str | Path, *, title: str | None = None, lang: str = "ar", physics: bool = False, seed: int = 7
) -> Path:
    """Write ``G`` as one self-contained HTML file at ``path`` (UTF-8) and return the path."""
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    lang = "ar" if lang == "ar" else "en"
    net = network_data(G, lang=lang, physics=physics, seed=seed)
    nodes, edges, _, _, _, options_json = net.get_network_data()
    options = json.loads(options_json)
    many = len(edges) > 1500
    options.update(
        {
            "physics": {"enabled": bool(physics), "stabilization": {"iterations": 150}},
            "layout": {"improvedLayout": False, "randomSeed": seed},
            "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": many, "hideEdgesOnZoom": many},
            "nodes": {
                "font": {
                    "face": "Noto Sans Arabic, Noto Sans, DejaVu Sans, sans-serif",
                    "size": 14,
                    "strokeWidth": 3,
                    "strokeColor": "#ffffff",
                },
                "borderWidth": 1,
            },
            "edges": {"smooth": {"enabled": False}, "selectionWidth": 2},
        }
    )
    periods = sorted({e["period"] for e in edges if e["period"]})
    types = sorted({n["ntype"] for n in nodes})
    data = {
        "nodes": nodes,
        "edges": edges,
        "options": options,
        "periods": periods,
        "types": types,
        "typeColours": TYPE_COLOURS,
        "classColours": SIGN_COLOURS,
        "ui": _UI[lang],
        "lang": lang,
    }
    js, css = _vis_assets()
    env = Environment(loader=FileSystemLoader(str(_TEMPLATE_DIR)), autoescape=select_autoescape(["html"]))
    html = env.get_template("actors.html").render(
        title=title or ("شبكة الفاعلين" if lang == "ar" else "Actor network"),
        lang=lang,
        dir="rtl" if lang == "ar" else "ltr",
        vis_js=js,
        vis_css=css,
        data_json=_script_json(data),
        ui=_UI[lang],
    )
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(html, encoding="utf-8")
    return out
