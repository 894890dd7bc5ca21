// GraphiQL on /api/v1/graphql, same origin, no CDN. A bearer token goes in the Headers tab:
// {"Authorization": "Bearer <access token>"}.
window.addEventListener("DOMContentLoaded", function () {
  var fetcher = GraphiQL.createFetcher({ url: "/api/v1/graphql" });
  var root = ReactDOM.createRoot(document.getElementById("graphiql"));
  root.render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultEditorToolsVisibility: true,
      defaultQuery:
        "# Public: no token needed. Signed-in queries take a header (Headers tab below):\n" +
        '# {"Authorization": "Bearer <access token from POST /api/v1/auth/login>"}\n' +
        "{\n  listings(filter: {city: \"lisbon\"}, perPage: 3) {\n    total\n    items { title pricePerNight }\n  }\n}\n",
    })
  );
});
