// diplograph graph view: draws the ego network in #cy from its data-src (/graph.json?…) with
// Cytoscape.js; clicking a node opens its page. After the layout the container says how many nodes
// and edges it drew (data-drawn-nodes, data-drawn-edges), for people and tests alike.
(function () {
  "use strict";
  var container = document.getElementById("cy");
  if (!container || typeof cytoscape !== "function") { return; }
  var colours = {
    Country: "#1f77b4", Leader: "#d62728", Treaty: "#2ca02c", Organization: "#9467bd",
    Project: "#8c564b", Initiative: "#e377c2"
  };
  fetch(container.getAttribute("data-src"), { headers: { Accept: "application/json" } })
    .then(function (response) {
      if (!response.ok) { throw new Error("the graph data gave HTTP " + response.status); }
      return response.json();
    })
    .then(function (data) {
      var maxWeight = 1;
      data.edges.forEach(function (e) { maxWeight = Math.max(maxWeight, e.data.weight); });
      data.nodes.forEach(function (n) { n.data.colour = colours[n.data.kind] || "#7f7f7f"; });
      var cy = cytoscape({
        container: container,
        elements: { nodes: data.nodes, edges: data.edges },
        wheelSensitivity: 0.3,
        style: [
          { selector: "node", style: {
            "background-color": "data(colour)", "label": "data(label)", "font-size": 11,
            "font-family": "Noto Sans CJK SC, WenQuanYi Zen Hei, sans-serif",
            "text-valign": "bottom", "text-margin-y": 3, "width": 18, "height": 18 } },
          { selector: "node[depth = 0]", style: { "width": 30, "height": 30, "font-weight": "bold", "font-size": 14 } },
          { selector: "edge", style: {
            "width": "mapData(weight, 1, " + Math.max(2, maxWeight) + ", 1, 8)",
            "line-color": "#b8c2cc", "curve-style": "bezier", "target-arrow-shape": "triangle",
            "target-arrow-color": "#b8c2cc", "arrow-scale": 0.7, "font-size": 9, "color": "#56616c",
            "text-rotation": "autorotate" } },
          { selector: "node[depth = 2]", style: { "width": 12, "height": 12, "font-size": 9, "min-zoomed-font-size": 9 } },
          { selector: "edge:selected, edge.near", style: { "label": "data(relation)", "line-color": "#6b7a89" } }
        ],
        layout: { name: "cose", animate: false, fit: true, padding: 40, nodeRepulsion: function () { return 40000; }, idealEdgeLength: function () { return 110; } }
      });
      // A small network fitted to the box would be drawn huge: keep it at most a little enlarged.
      if (cy.zoom() > 1.25) {
        cy.zoom(1.25);
        cy.center();
      }
      // The relations of a node show when the pointer is on it.
      cy.on("mouseover", "node", function (event) { event.target.connectedEdges().addClass("near"); });
      cy.on("mouseout", "node", function (event) { event.target.connectedEdges().removeClass("near"); });
      cy.on("tap", "node", function (event) { window.location.href = event.target.data("href"); });
      var done = function () {
        container.setAttribute("data-drawn-nodes", String(cy.nodes().length));
        container.setAttribute("data-drawn-edges", String(cy.edges().length));
      };
      cy.ready(function () { window.requestAnimationFrame(done); });
    })
    .catch(function (error) {
      container.setAttribute("data-error", String(error));
      container.textContent = "The graph could not be drawn: " + error;
    });
})();
