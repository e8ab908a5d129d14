// Starts Swagger UI on the realm's OpenAPI document. A file of its own, not an inline script, so that the page's
// Content-Security-Policy allows same-origin scripts only.
(function () {
  'use strict';
  var root = document.getElementById('swagger-ui');
  window.ui = SwaggerUIBundle({
    url: root.getAttribute('data-openapi-url'),
    domNode: root,
    presets: [SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout',
    deepLinking: true,
    tryItOutEnabled: true,
    displayRequestDuration: true,
    // Only this realm's document: no ?url= or ?configUrl= from the address bar, no call to the online validator.
    queryConfigEnabled: false,
    validatorUrl: null
  });
}());
