"""A git server over plain HTTP on 127.0.0.1, for journal's sharing tests.

Serves the bare repositories under ROOT through `git http-backend`, and lets a request in
only with HTTP Basic credentials USER:TOKEN. With --redirect URL, answers every request
with a redirect to URL instead. Every request's Authorization header (or "-") is appended
to LOG, one line each. Writes the port it listens on to PORTFILE once it is ready.
"""
import argparse
import base64
import http.server
import os
import subprocess


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("root")
    parser.add_argument("portfile")
    parser.add_argument("log")
    parser.add_argument("--user", default="x-access-token")
    parser.add_argument("--token", default="")
    parser.add_argument("--redirect", default="")
    args = parser.parse_args()
    expected = "Basic " + base64.b64encode(f"{args.user}:{args.token}".encode()).decode()

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *arguments):
            pass

        def do_GET(self):
            self.serve()

        def do_POST(self):
            self.serve()

        def body(self):
            if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
                data = b""
                while True:
                    size = int(self.rfile.readline().strip().split(b";")[0], 16)
                    if size == 0:
                        self.rfile.readline()
                        return data
                    data += self.rfile.read(size)
                    self.rfile.readline()
            return self.rfile.read(int(self.headers.get("Content-Length") or 0))

        def reply(self, status, headers, data=b""):
            self.send_response(status)
            for name, value in headers:
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def serve(self):
            data = self.body() if self.command == "POST" else b""
            authorization = self.headers.get("Authorization")
            with open(args.log, "a") as log:
                log.write((authorization or "-") + "\n")
            if args.redirect:
                self.reply(302, [("Location", args.redirect + self.path)])
                return
            if authorization != expected:
                self.reply(401, [("WWW-Authenticate", 'Basic realm="git"')])
                return
            path, _, query = self.path.partition("?")
            environment = dict(
                os.environ,
                GIT_PROJECT_ROOT=args.root,
                GIT_HTTP_EXPORT_ALL="1",
                PATH_INFO=path,
                QUERY_STRING=query,
                REQUEST_METHOD=self.command,
                CONTENT_TYPE=self.headers.get("Content-Type", ""),
                CONTENT_LENGTH=str(len(data)),
                REMOTE_USER=args.user,
                REMOTE_ADDR="127.0.0.1",
            )
            output = subprocess.run(
                ["git", "http-backend"], input=data, env=environment, capture_output=True
            ).stdout
            head, _, rest = output.partition(b"\r\n\r\n")
            status = 200
            headers = []
            for line in head.decode().split("\r\n"):
                name, _, value = line.partition(":")
                if name.lower() == "status":
                    status = int(value.strip().split()[0])
                elif name:
                    headers.append((name, value.strip()))
            self.reply(status, headers, rest)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    with open(args.portfile + ".tmp", "w") as portfile:
        portfile.write(str(server.server_address[1]))
    os.rename(args.portfile + ".tmp", args.portfile)
    server.serve_forever()


if __name__ == "__main__":
    main()
