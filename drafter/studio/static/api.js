// The studio's JSON API. Errors come back as {error}; they are thrown as ApiError.
export class ApiError extends Error {
  constructor(status, body) {
    super(body?.error || `HTTP ${status}`);
    this.status = status;
    this.body = body || {};
  }
}

export async function call(method, url, body = undefined, headers = {}) {
  const options = { method, headers: { ...headers }, credentials: "same-origin" };
  if (body instanceof ArrayBuffer || body instanceof Blob) options.body = body;
  else if (body !== undefined) {
    options.body = JSON.stringify(body);
    options.headers["content-type"] = "application/json";
  }
  let response;
  try {
    response = await fetch(url, options);
  } catch (error) {
    throw new ApiError(0, { error: "network", offline: true });
  }
  const type = response.headers.get("content-type") || "";
  if (!type.includes("json")) {
    if (!response.ok) throw new ApiError(response.status, { error: await response.text() });
    return response;
  }
  const data = await response.json();
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}
