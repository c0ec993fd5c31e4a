/*
 * jupyterlab-course-font: a JupyterLab 4 prebuilt ("federated") extension, written by
 * hand. It has no code to build: it only adds course-font.css to the page.
 *
 * How JupyterLab loads it (jupyterlab/staging/bootstrap.js and index.js): the server
 * lists this extension in the page config from package.json's `jupyterlab._build`; the
 * page loads `static/remoteEntry.js` (`load`) as a script, which must define
 * `window._JUPYTERLAB[name]` with `init(shareScope)` and `get(module)`; for the `style`
 * entry ("./style") JupyterLab calls `get("./style")`, then the factory it resolves to,
 * unless the extension is disabled (`jupyter labextension disable jupyterlab-course-font`).
 */
(function () {
  'use strict';

  var NAME = 'jupyterlab-course-font';
  var FAMILY = 'CourseGothic';
  // This script's own URL, read while it runs: course-font.css sits beside it.
  var here = document.currentScript && document.currentScript.src;
  if (!here) {
    var config = JSON.parse(document.getElementById('jupyter-config-data').textContent);
    here = config.fullLabextensionsUrl + '/' + NAME + '/static/remoteEntry.js';
  }
  var stylesheet = new URL('course-font.css', here).href;

  function addStylesheet() {
    if (!document.querySelector('link[data-course-font]')) {
      var link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = stylesheet;
      link.setAttribute('data-course-font', '');
      // Load both faces now, not at their first use: plotly measures its text and WebGL
      // scenes paint labels once, so the font should be there before the first figure.
      link.onload = function () {
        if (document.fonts) {
          document.fonts.load('16px ' + FAMILY, '한');
          document.fonts.load('bold 16px ' + FAMILY, '한');
        }
      };
      document.head.appendChild(link);
    }
    return {};
  }

  window._JUPYTERLAB = window._JUPYTERLAB || {};
  window._JUPYTERLAB[NAME] = {
    init: function () {
      return Promise.resolve(); // no shared modules to offer or take
    },
    get: function (module) {
      if (module === './style') {
        return Promise.resolve(addStylesheet.bind(null));
      }
      return Promise.reject(new Error(NAME + ' has no module ' + module));
    }
  };
})();
