// Stands in for the extension on the preview page: answers the panel's "ready" with the recorded
// state (window.PREVIEW_STATE, from the generated state script) and logs what the panel posts.
/* global window */
(function () {
  let saved;
  window.acquireVsCodeApi = function () {
    return {
      postMessage(message) {
        console.log("panel posted", JSON.stringify(message));
        if (message.type === "ready")
          window.postMessage({ type: "snapshot", state: window.PREVIEW_STATE }, "*");
      },
      getState: () => saved,
      setState: (state) => (saved = state),
    };
  };
})();
