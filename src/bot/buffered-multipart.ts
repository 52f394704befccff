import { randomBytes } from "node:crypto";
import type { Client, RawFile } from "discord.js";
import type { RestRequestInit, SendRequest } from "./rest-policy.ts";
import { jsonText } from "../ops/frozen-json.ts";

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

/**
 * Which multipart bodies this module encoded, with their `payload_json` text: the request
 * policy reads a callback's type and a message's nonce from it, as it does from a FormData.
 */
const payloadJsonOfBody = new WeakMap<Buffer, string>();

/** The `payload_json` of a multipart body encoded here (null for anything else). */
export function multipartPayloadJson(body: unknown): string | null {
  return Buffer.isBuffer(body) ? (payloadJsonOfBody.get(body) ?? null) : null;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * One boundary for the process: random, so no one can write it into a question, and each body
 * is still checked not to contain it (a clash falls back to discord.js's own encoding).
 */
const UPLOAD_BOUNDARY = `----policybot-${randomBytes(16).toString("hex")}`;
const UPLOAD_CONTENT_TYPE = `multipart/form-data; boundary=${UPLOAD_BOUNDARY}`;

/** An upload encoded once, kept with its chart's bytes (the chart cache shares them). */
interface EncodedUpload {
  /** The other parts of the body: each file's key, name and type, then the JSON payload. */
  heads: string;
  json: string | null;
  body: Buffer;
}
const encodedUploads = new WeakMap<Buffer, EncodedUpload>();

type Rest = Client["rest"];
type QueuedRequest = Parameters<Rest["queueRequest"]>[0];

/** The file's type: the one given, else PNG by its signature (what discord.js would detect). */
function uploadType(file: RawFile): string | null {
  if (file.contentType) return file.contentType;
  if (!Buffer.isBuffer(file.data)) return null;
  return file.data.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE) ? "image/png" : null;
}

/**
 * A request with files as one multipart/form-data body (the same parts, in the same order, as
 * discord.js's FormData: files, then `payload_json`), or null when it is not one this handles.
 */
function encodeUpload(request: QueuedRequest): QueuedRequest | null {
  const files = request.files;
  if (!files || files.length === 0 || request.appendToFormData) return null;
  const json =
    request.body === undefined || request.body === null ? null : (jsonText(request.body) ?? null);
  const heads: string[] = [];
  const datas: Buffer[] = [];
  for (const [index, file] of files.entries()) {
    const type = uploadType(file);
    if (type === null || !Buffer.isBuffer(file.data)) return null;
    const key = file.key ?? `files[${index}]`;
    heads.push(
      `Content-Disposition: form-data; name="${escapeName(crlf(key))}"; filename="${escapeName(file.name)}"\r\nContent-Type: ${type}`,
    );
    datas.push(file.data);
  }
  // Compared part by part: one string of both would copy the JSON text on every request.
  const head = heads.join("\n");
  const only = datas.length === 1 ? datas[0] : undefined;
  const kept = only ? encodedUploads.get(only) : undefined;
  let body =
    kept !== undefined && kept.heads === head && kept.json === json ? kept.body : undefined;
  if (body === undefined) {
    if (
      head.includes(UPLOAD_BOUNDARY) ||
      json?.includes(UPLOAD_BOUNDARY) === true ||
      datas.some((data) => data.includes(UPLOAD_BOUNDARY))
    ) {
      return null;
    }
    const parts: Buffer[] = [];
    datas.forEach((data, index) => {
      parts.push(Buffer.from(`--${UPLOAD_BOUNDARY}\r\n${heads[index] ?? ""}\r\n\r\n`), data, CRLF);
    });
    if (json !== null) {
      parts.push(
        Buffer.from(
          `--${UPLOAD_BOUNDARY}\r\nContent-Disposition: form-data; name="payload_json"\r\n\r\n${crlf(json)}\r\n`,
        ),
      );
    }
    parts.push(Buffer.from(`--${UPLOAD_BOUNDARY}--\r\n`));
    body = Buffer.concat(parts);
    if (only) encodedUploads.set(only, { heads: head, json, body });
  }
  if (json !== null) payloadJsonOfBody.set(body, json);
  const { files: _files, ...rest } = request;
  return {
    ...rest,
    body,
    passThroughBody: true,
    headers: {
      ...request.headers,
      "Content-Type": UPLOAD_CONTENT_TYPE,
    },
  };
}

const CRLF = Buffer.from("\r\n");

/**
 * A JSON request as its text, with the frozen parts of a kept reply serialised once (see
 * frozen-json.ts): the same body and Content-Type discord.js would send.
 */
function encodeJson(request: QueuedRequest): QueuedRequest | null {
  const body = request.body;
  if (request.passThroughBody || typeof body !== "object" || body === null) return null;
  const text = jsonText(body);
  if (text === undefined) return null;
  return {
    ...request,
    body: text,
    passThroughBody: true,
    headers: { ...request.headers, "Content-Type": "application/json" },
  };
}

/**
 * Uploads (a reply with a chart) encoded straight from the file's bytes into one body. Left to
 * discord.js, each upload copies the PNG into a Blob, sniffs its type, and is read back out of a
 * FormData and copied twice more: per chart reply, most of the CPU policybot spends beyond
 * discord.js's own, and the allocation churn behind its resident memory. A chart's body is
 * kept with its bytes, so a chart asked for again is sent without encoding anything. JSON
 * requests are serialised here too, reusing the text of a kept reply's frozen parts.
 */
export function encodeUploadsDirectly(rest: Rest): void {
  const queue = rest.queueRequest.bind(rest);
  rest.queueRequest = (request) =>
    queue((request.files?.length ? encodeUpload(request) : encodeJson(request)) ?? request);
}
