// A real SMTP server for the send tests, run in its own process (node test/helpers/smtp-server.mjs
// CONFIG_JSON): smtp-server on 127.0.0.1, a free port, STARTTLS with the given certificate, AUTH
// (only after STARTTLS) with one user. Every message received whole is stored in config.dir as
// <n>.eml (the bytes as received) and <n>.json (the envelope). Misbehaviour on demand:
// rejectRecipients get a 550 at RCPT TO; a message to one of dropDataFor loses its connection
// in the middle of DATA (nothing stored). Prints {"port":N} once listening.
import { randomBytes } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { SMTPServer } from "smtp-server";

const config = JSON.parse(process.argv[2]);
const lower = (list) => (list ?? []).map((address) => address.toLowerCase());
const reject = new Set(lower(config.rejectRecipients));
const drop = new Set(lower(config.dropDataFor));
let stored = 0;

const server = new SMTPServer({
  secure: false,
  key: readFileSync(config.key),
  cert: readFileSync(config.cert),
  authMethods: ["PLAIN", "LOGIN"],
  logger: false,
  banner: "qbr-deck test server",
  onAuth(auth, _session, callback) {
    if (auth.username === config.user && auth.password === config.pass)
      return callback(null, { user: auth.username });
    return callback(Object.assign(new Error("Invalid username or password"), { responseCode: 535 }));
  },
  onRcptTo(address, _session, callback) {
    if (reject.has(address.address.toLowerCase())) {
      return callback(
        Object.assign(new Error(`5.1.1 <${address.address}>: mailbox unavailable`), { responseCode: 550 }),
      );
    }
    return callback();
  },
  onData(stream, session, callback) {
    const recipients = session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase());
    const chunks = [];
    let dropped = false;
    stream.on("data", (chunk) => {
      chunks.push(chunk);
      if (!dropped && recipients.some((address) => drop.has(address))) {
        dropped = true;
        for (const connection of server.connections) {
          if (connection.id === session.id) connection._socket.destroy();
        }
      }
    });
    stream.on("end", () => {
      if (dropped) return callback(new Error("connection dropped"));
      stored += 1;
      const name = `${Date.now()}-${process.pid}-${String(stored).padStart(4, "0")}-${randomBytes(3).toString("hex")}`;
      writeFileSync(path.join(config.dir, `${name}.eml`), Buffer.concat(chunks));
      writeFileSync(
        path.join(config.dir, `${name}.json`),
        JSON.stringify({
          mailFrom: session.envelope.mailFrom.address,
          rcptTo: recipients,
          user: session.user,
          secure: session.secure,
        }),
      );
      callback(null, `OK: queued as ${name}`);
    });
  },
});

server.on("error", (error) => process.stderr.write(`smtp-server: ${error.message}\n`));
server.listen(0, "127.0.0.1", () => {
  process.stdout.write(`${JSON.stringify({ port: server.server.address().port })}\n`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
