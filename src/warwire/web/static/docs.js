// Swagger UI for /openapi.json, from the npm package swagger-ui-dist served under /vendor.
"use strict";
(function () {
  var root = document.getElementById("swagger-ui");
  window.SwaggerUIBundle({
    url: root.getAttribute("data-url"),
    dom_id: "#swagger-ui",
    validatorUrl: null,
    deepLinking: true,
  });
})();
