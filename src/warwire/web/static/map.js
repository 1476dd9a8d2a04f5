// The map of events and places: Leaflet with an offline basemap of country borders
// (world-atlas TopoJSON), data fetched from this server's API. Report text is only ever set
// with textContent, never parsed as HTML.
"use strict";
(function () {
  var el = document.getElementById("map");
  if (!el || !window.L) {
    return;
  }
  // no animations: the view is set once, when every layer has loaded
  var map = window.L.map(el, { worldCopyJump: true, zoomAnimation: false, fadeAnimation: false, markerZoomAnimation: false }).setView([30, 30], 3);
  map.attributionControl.setPrefix("Leaflet · Natural Earth");
  var bounds = [];

  function getJSON(url) {
    return fetch(url, { credentials: "same-origin" }).then(function (r) {
      if (!r.ok) {
        throw new Error(url + ": " + r.status);
      }
      return r.json();
    });
  }

  function link(href, text) {
    var a = document.createElement("a");
    a.href = href;
    a.textContent = text;
    return a;
  }

  function popup(title, titleHref, lines) {
    var box = document.createElement("div");
    var head = document.createElement("strong");
    head.appendChild(titleHref ? link(titleHref, title) : document.createTextNode(title));
    box.appendChild(head);
    lines.forEach(function (line) {
      var p = document.createElement("div");
      if (typeof line === "string") {
        p.textContent = line;
      } else {
        p.appendChild(line);
      }
      box.appendChild(p);
    });
    return box;
  }

  function place(p, mentions) {
    if (p.lat === null || p.lon === null || p.lat === undefined) {
      return;
    }
    var radius = 4 + Math.min(8, Math.sqrt(mentions || 1));
    window.L.circleMarker([p.lat, p.lon], { radius: radius, color: "#555", weight: 1, fillOpacity: 0.35, className: "marker-place" })
      .bindPopup(popup(p.name, "/entities/" + encodeURIComponent(p.id), [(mentions || 0) + " mention(s)"]))
      .addTo(map);
    bounds.push([p.lat, p.lon]);
  }

  function event(where, label, date, sources) {
    if (!where || where.lat === null || where.lat === undefined) {
      return;
    }
    var lines = [(date || "undated") + " · " + where.name];
    sources.forEach(function (s) {
      lines.push(link(s.href, s.title));
    });
    window.L.circleMarker([where.lat, where.lon], { radius: 7, color: "#b3261e", weight: 2, fillOpacity: 0.6, className: "marker-event" })
      .bindPopup(popup(label, null, lines))
      .addTo(map);
    bounds.push([where.lat, where.lon]);
  }

  // A ring that crosses the antimeridian (Russia, Fiji) jumps from 180 to -180 degrees: keep
  // its longitudes continuous so that Leaflet does not draw a line across the whole map.
  function unwrap(feature) {
    var g = feature.geometry;
    var polygons = g.type === "Polygon" ? [g.coordinates] : g.type === "MultiPolygon" ? g.coordinates : [];
    polygons.forEach(function (rings) {
      rings.forEach(function (ring) {
        for (var i = 1; i < ring.length; i++) {
          while (ring[i][0] - ring[i - 1][0] > 180) { ring[i][0] -= 360; }
          while (ring[i][0] - ring[i - 1][0] < -180) { ring[i][0] += 360; }
        }
      });
    });
  }

  function cite(docId, start, end) {
    return "/documents/" + encodeURIComponent(docId) + "?quote=" + start + "-" + end + "#quote";
  }

  function fit() {
    if (bounds.length) {
      map.fitBounds(bounds, { padding: [30, 30], maxZoom: 7, animate: false });
    }
    el.setAttribute("data-markers", String(bounds.length));
  }

  var basemap = el.getAttribute("data-basemap");
  var layers = [];
  if (basemap && window.topojson) {
    layers.push(getJSON(basemap).then(function (world) {
      var land = window.topojson.feature(world, world.objects.countries);
      land.features = land.features.filter(function (f) { return f.id !== "010"; }); // Antarctica
      land.features.forEach(unwrap);
      window.L.geoJSON(land, { style: { color: "#8a8a8a", weight: 0.7, fillColor: "#efeadf", fillOpacity: 1 }, interactive: false }).addTo(map);
    }));
  }
  var dossier = el.getAttribute("data-dossier");
  if (dossier) {
    layers.push(getJSON(dossier).then(function (d) {
      d.places.forEach(function (p) { place(p, p.mentions); });
      d.events.forEach(function (e) {
        event(e.location, e.sub_event_type, e.date, e.sources.map(function (s) {
          return { href: cite(s.doc_id, s.start, s.end), title: s.title || s.doc_id.slice(0, 12) };
        }));
      });
    }));
  }
  var places = el.getAttribute("data-places");
  if (places) {
    layers.push(getJSON(places).then(function (page) {
      page.items.forEach(function (p) { place(p, p.mentions); });
    }));
  }
  var events = el.getAttribute("data-events");
  if (events) {
    layers.push(getJSON(events).then(function (page) {
      page.items.forEach(function (e) {
        event(e.location, e.sub_event_type, e.date ? e.date.value : null, [
          { href: cite(e.doc_id, e.start, e.end), title: "the report" },
        ]);
      });
    }));
  }
  Promise.all(layers).then(fit, function (err) {
    el.setAttribute("data-error", String(err));
    fit();
  });
})();
