/** A file sent as multipart `files[n]` (discord.js sends attachments this way). */
export interface UploadedFile {
  field: string;
  name: string;
  contentType: string;
  size: number;
  data: Buffer;
}

/**
 * A request body as Discord accepts it: JSON, or multipart/form-data with `payload_json` and
 * `files[n]` parts (parsed with the platform's own FormData parser).
 */
export async function parseBody(
  contentType: string | undefined,
  buffer: Buffer,
): Promise<{ body: unknown; files: UploadedFile[] } | { error: string }> {
  if (buffer.length === 0) return { body: null, files: [] };
  if (contentType?.startsWith("multipart/form-data")) {
    const form = await new Response(buffer, {
      headers: { "content-type": contentType },
    }).formData();
    const files: UploadedFile[] = [];
    let body: unknown = null;
    for (const [field, value] of form.entries()) {
      if (typeof value === "string") {
        if (field === "payload_json") {
          try {
            body = JSON.parse(value);
          } catch {
            return { error: "The request body contains invalid JSON." };
          }
        }
        continue;
      }
      const data = Buffer.from(await value.arrayBuffer());
      files.push({ field, name: value.name, contentType: value.type, size: data.length, data });
    }
    return { body, files };
  }
  try {
    return { body: JSON.parse(buffer.toString("utf8")), files: [] };
  } catch {
    return { error: "The request body contains invalid JSON." };
  }
}
