import { randomBytes } from "node:crypto";
import type { RestRequestInit, SendRequest } from "../bot/rest-policy.ts";

/**
 * A reply with a chart is a multipart upload. Handed a FormData, undici streams it part by part
 * through web streams, which profiled as the largest single cost of a chart reply; encoded here
 * into one buffer (the same multipart/form-data bytes), it is written in one go.
 */
export function bufferedMultipart(next: SendRequest): SendRequest {
  return async (url, init) => {
    if (!(init.body instanceof FormData)) return next(url, init);
    const { body, contentType } = await encodeMultipart(init.body);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(plainHeaders(init.headers))) {
      // The FormData's own type (with its boundary) is replaced by this body's.
      if (name.toLowerCase() !== "content-type") headers[name] = value;
    }
    headers["content-type"] = contentType;
    return next(url, { ...init, body, headers });
  };
}

/** discord.js hands its headers as a plain record; other shapes are read the same way. */
function plainHeaders(headers: RestRequestInit["headers"]): Record<string, string> {
  if (headers === undefined || headers === null) return {};
  if (Array.isArray(headers)) {
    return Object.fromEntries(headers.map((entry) => [String(entry[0]), String(entry[1])]));
  }
  if (headers instanceof Headers) return Object.fromEntries(headers);
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, String(value)]));
}

// The HTML standard's escaping of names in Content-Disposition, as browsers and undici do.
function escapeName(name: string): string {
  return name.replace(/\n/g, "%0A").replace(/\r/g, "%0D").replace(/"/g, "%22");
}

function crlf(text: string): string {
  return text.replace(/\r\n|\r|\n/g, "\r\n");
}

/** A FormData as multipart/form-data bytes (RFC 7578), with its Content-Type header. */
export async function encodeMultipart(
  form: FormData,
): Promise<{ body: Buffer; contentType: string }> {
  const boundary = `----policybot-${randomBytes(16).toString("hex")}`;
  const parts: Buffer[] = [];
  for (const [name, value] of form) {
    const disposition = `form-data; name="${escapeName(crlf(name))}"`;
    if (typeof value === "string") {
      parts.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: ${disposition}\r\n\r\n${crlf(value)}\r\n`,
        ),
      );
    } else {
      const type = value.type || "application/octet-stream";
      parts.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: ${disposition}; filename="${escapeName(value.name)}"\r\nContent-Type: ${type}\r\n\r\n`,
        ),
        Buffer.from(await value.arrayBuffer()),
        Buffer.from("\r\n"),
      );
    }
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}
