import { generateKeyPairSync, sign, type KeyObject } from "node:crypto";

/**
 * Discord's side of HTTP interactions: the application's Ed25519 key pair (the portal shows
 * the public half), and signed POSTs to the Interactions Endpoint URL.
 */
export class InteractionSigner {
  readonly publicKeyHex: string;
  private readonly privateKey: KeyObject;

  constructor() {
    const { publicKey, privateKey } = generateKeyPairSync("ed25519");
    const jwk = publicKey.export({ format: "jwk" });
    if (typeof jwk.x !== "string") throw new Error("No Ed25519 public key");
    this.publicKeyHex = Buffer.from(jwk.x, "base64url").toString("hex");
    this.privateKey = privateKey;
  }

  /** X-Signature-Ed25519: the signature of timestamp + body, hex. */
  signature(timestamp: string, body: string | Buffer): string {
    return sign(
      null,
      Buffer.concat([Buffer.from(timestamp), Buffer.from(body)]),
      this.privateKey,
    ).toString("hex");
  }

  /** The headers Discord sends with a body, signed now (or at `timestampSeconds`). */
  headers(
    body: string | Buffer,
    timestampSeconds = Math.floor(Date.now() / 1000),
  ): Record<string, string> {
    const timestamp = String(timestampSeconds);
    return {
      "Content-Type": "application/json",
      "User-Agent": "Discord-Interactions/1.0 (+https://discord.com)",
      "X-Signature-Ed25519": this.signature(timestamp, body),
      "X-Signature-Timestamp": timestamp,
    };
  }
}

export interface EndpointReply {
  status: number;
  contentType: string;
  /** The parsed JSON body; null when it was not JSON. */
  json: unknown;
  text: string;
}

/** POSTs `body` to the endpoint with the given headers, giving up after `timeoutMs`. */
export async function postToEndpoint(
  url: string,
  body: string | Buffer,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<EndpointReply> {
  const response = await fetch(url, {
    method: "POST",
    headers,
    body,
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return {
    status: response.status,
    contentType: response.headers.get("content-type") ?? "",
    json,
    text,
  };
}

/**
 * What the portal does when the Interactions Endpoint URL is saved: a PING with a wrong
 * signature must be refused with 401, and a signed PING answered with PONG (type 1).
 * Throws with the reason the portal would show.
 */
export async function validateEndpoint(signer: InteractionSigner, url: string): Promise<void> {
  const ping = JSON.stringify({
    id: "1",
    application_id: "1",
    type: 1,
    token: "validation",
    version: 1,
  });
  const forged = { ...signer.headers(ping), "X-Signature-Ed25519": "0".repeat(128) };
  const refused = await postToEndpoint(url, ping, forged, 3000);
  if (refused.status !== 401) {
    throw new Error(
      `The endpoint accepted a PING with a wrong signature (status ${refused.status}); it must answer 401.`,
    );
  }
  const answered = await postToEndpoint(url, ping, signer.headers(ping), 3000);
  const pong =
    answered.status === 200 &&
    typeof answered.json === "object" &&
    answered.json !== null &&
    "type" in answered.json &&
    answered.json.type === 1;
  if (!pong) {
    throw new Error(
      `The endpoint did not answer a signed PING with PONG (status ${answered.status}: ${answered.text.slice(0, 200)}).`,
    );
  }
}
