import Foundation
import Hummingbird

extension WorkspaceServer {
    /// Every page is the same small document; the script draws the page its path names from the JSON API, so
    /// that the pages show exactly what a script reading the API would see. No script or style comes from
    /// anywhere but this server.
    func addPageRoutes(_ router: Router<WorkspaceContext>) {
        for path in ["/", "/scenarios/:name", "/runs", "/runs/:id", "/compare", "/audit", "/login"] {
            router.get(RouterPath(path)) { _, _ in PageAssets.page() }
        }
        router.get("/assets/app.js") { _, _ in
            PageAssets.asset(PageAssets.script, type: "text/javascript; charset=utf-8")
        }
        router.get("/assets/app.css") { _, _ in
            PageAssets.asset(PageAssets.style, type: "text/css; charset=utf-8")
        }
    }
}

enum PageAssets {
    static func page() -> Response {
        let html = """
            <!doctype html>
            <html lang="vi">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>CadrePlan</title>
            <link rel="stylesheet" href="/assets/app.css">
            <script src="/assets/app.js" defer></script>
            </head>
            <body>
            <header id="top"></header>
            <main id="main"><noscript>CadrePlan cần JavaScript. / CadrePlan needs JavaScript.</noscript></main>
            </body>
            </html>
            """
        return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
                        body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }

    static func asset(_ text: String, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type], body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}
