import {
  ContractValidationError,
  parseJson,
  reject,
  settle,
  syntaxErrors,
  codePointLength,
  fail,
  failDocument,
  isDateTime,
  isObject,
  isUri,
  isUuid,
  isWellFormed,
  unknownProperties
} from "./runtime.js";
const PATTERN_0 = new RegExp("^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$", "u");
const PATTERN_1 = new RegExp("^[A-Za-z0-9][A-Za-z0-9._:@|-]*$", "u");
function checkActivityGenerated(value, path, errors, tolerant, depth) {
  if (!isObject(value)) {
    reject(errors, path, "type", "must be an object", value, depth);
  } else {
    if (depth > 64) {
      failDocument(errors, "depth");
      return;
    }
    let unknown;
    for (const key in value) {
      switch (key) {
        case "eventType":
        case "version":
        case "eventId":
        case "jobId":
        case "userId":
        case "timestamp":
        case "payload":
          break;
        default:
          (unknown ??= []).push(key);
      }
    }
    const eventType = value["eventType"];
    if (eventType === void 0) {
      fail(errors, path + "/eventType", "required", "is required");
    } else {
      if (eventType !== "ACTIVITY_GENERATED") {
        reject(
          errors,
          path + "/eventType",
          "const",
          'must be "ACTIVITY_GENERATED"',
          eventType,
          depth + 1
        );
      }
    }
    const version = value["version"];
    if (version === void 0) {
      fail(errors, path + "/version", "required", "is required");
    } else {
      if (version !== 1) {
        reject(errors, path + "/version", "const", "must be 1", version, depth + 1);
      }
    }
    const eventId = value["eventId"];
    if (eventId === void 0) {
      fail(errors, path + "/eventId", "required", "is required");
    } else {
      checkEventId(eventId, path + "/eventId", errors, depth + 1);
    }
    const jobId = value["jobId"];
    if (jobId === void 0) {
      fail(errors, path + "/jobId", "required", "is required");
    } else {
      checkJobId(jobId, path + "/jobId", errors, depth + 1);
    }
    const userId = value["userId"];
    if (userId === void 0) {
      fail(errors, path + "/userId", "required", "is required");
    } else {
      checkUserId(userId, path + "/userId", errors, depth + 1);
    }
    const timestamp = value["timestamp"];
    if (timestamp === void 0) {
      fail(errors, path + "/timestamp", "required", "is required");
    } else {
      checkTimestamp(timestamp, path + "/timestamp", errors, depth + 1);
    }
    const payload = value["payload"];
    if (payload === void 0) {
      fail(errors, path + "/payload", "required", "is required");
    } else {
      checkActivityResultPayload(payload, path + "/payload", errors, tolerant, depth + 1);
    }
    if (unknown !== void 0) unknownProperties(errors, path, value, unknown, tolerant, depth);
  }
}
function checkActivityOutput(value, path, errors, tolerant, depth) {
  if (!isObject(value)) {
    reject(errors, path, "type", "must be an object", value, depth);
    return;
  }
  const tag = value["kind"];
  switch (tag) {
    case "text":
      checkTextOutput(value, path, errors, tolerant, depth);
      return;
    case "image":
      checkImageOutput(value, path, errors, tolerant, depth);
      return;
    default:
      if (tag === void 0) {
        reject(errors, path + "/kind", "required", "is required", value, depth);
      } else {
        reject(errors, path + "/kind", "oneOf", 'must be one of "text", "image"', value, depth);
      }
  }
}
function checkActivityResultPayload(value, path, errors, tolerant, depth) {
  if (!isObject(value)) {
    reject(errors, path, "type", "must be an object", value, depth);
  } else {
    if (depth > 64) {
      failDocument(errors, "depth");
      return;
    }
    let unknown;
    for (const key in value) {
      switch (key) {
        case "activityId":
        case "output":
        case "generationMs":
        case "model":
          break;
        default:
          (unknown ??= []).push(key);
      }
    }
    const activityId = value["activityId"];
    if (activityId === void 0) {
      fail(errors, path + "/activityId", "required", "is required");
    } else {
      if (typeof activityId !== "string") {
        reject(errors, path + "/activityId", "type", "must be a string", activityId, depth + 1);
      } else {
        if (!isUuid(activityId)) {
          reject(
            errors,
            path + "/activityId",
            "format",
            "must be a valid uuid",
            activityId,
            depth + 1
          );
        }
      }
    }
    const output = value["output"];
    if (output === void 0) {
      fail(errors, path + "/output", "required", "is required");
    } else {
      checkActivityOutput(output, path + "/output", errors, tolerant, depth + 1);
    }
    const generationMs = value["generationMs"];
    if (generationMs === void 0) {
      fail(errors, path + "/generationMs", "required", "is required");
    } else {
      if (typeof generationMs !== "number" || !Number.isInteger(generationMs)) {
        reject(
          errors,
          path + "/generationMs",
          "type",
          "must be an integer",
          generationMs,
          depth + 1
        );
      } else {
        if (generationMs < 0) {
          fail(errors, path + "/generationMs", "minimum", "must be >= 0");
        }
        if (generationMs > 9007199254740991) {
          fail(errors, path + "/generationMs", "maximum", "must be <= 9007199254740991");
        }
      }
    }
    const model = value["model"];
    if (model !== void 0) {
      if (typeof model !== "string") {
        reject(errors, path + "/model", "type", "must be a string", model, depth + 1);
      } else if (!isWellFormed(model)) {
        failDocument(errors, "text");
      } else {
        if (model.length === 0) {
          fail(errors, path + "/model", "minLength", "must not be empty");
        }
        if (model.length > 100 && codePointLength(model) > 100) {
          fail(errors, path + "/model", "maxLength", "must be at most 100 characters long");
        }
      }
    }
    if (unknown !== void 0) unknownProperties(errors, path, value, unknown, tolerant, depth);
  }
}
function checkEventId(value, path, errors, depth) {
  if (typeof value !== "string") {
    reject(errors, path, "type", "must be a string", value, depth);
  } else {
    if (!isUuid(value)) {
      reject(errors, path, "format", "must be a valid uuid", value, depth);
    }
  }
}
function checkGeneratedImage(value, path, errors, tolerant, depth) {
  if (!isObject(value)) {
    reject(errors, path, "type", "must be an object", value, depth);
  } else {
    if (depth > 64) {
      failDocument(errors, "depth");
      return;
    }
    let unknown;
    for (const key in value) {
      switch (key) {
        case "url":
        case "mimeType":
        case "width":
        case "height":
        case "altText":
          break;
        default:
          (unknown ??= []).push(key);
      }
    }
    const url = value["url"];
    if (url === void 0) {
      fail(errors, path + "/url", "required", "is required");
    } else {
      if (typeof url !== "string") {
        reject(errors, path + "/url", "type", "must be a string", url, depth + 1);
      } else {
        if (url.length > 2048 && codePointLength(url) > 2048) {
          reject(
            errors,
            path + "/url",
            "maxLength",
            "must be at most 2048 characters long",
            url,
            depth + 1
          );
        }
        if (!isUri(url)) {
          reject(errors, path + "/url", "format", "must be a valid uri", url, depth + 1);
        }
      }
    }
    const mimeType = value["mimeType"];
    if (mimeType === void 0) {
      fail(errors, path + "/mimeType", "required", "is required");
    } else {
      if (mimeType !== "image/png" && mimeType !== "image/jpeg" && mimeType !== "image/webp") {
        reject(
          errors,
          path + "/mimeType",
          "enum",
          'must be one of "image/png", "image/jpeg", "image/webp"',
          mimeType,
          depth + 1
        );
      }
    }
    const width = value["width"];
    if (width === void 0) {
      fail(errors, path + "/width", "required", "is required");
    } else {
      if (typeof width !== "number" || !Number.isInteger(width)) {
        reject(errors, path + "/width", "type", "must be an integer", width, depth + 1);
      } else {
        if (width < 1) {
          fail(errors, path + "/width", "minimum", "must be >= 1");
        }
        if (width > 9007199254740991) {
          fail(errors, path + "/width", "maximum", "must be <= 9007199254740991");
        }
      }
    }
    const height = value["height"];
    if (height === void 0) {
      fail(errors, path + "/height", "required", "is required");
    } else {
      if (typeof height !== "number" || !Number.isInteger(height)) {
        reject(errors, path + "/height", "type", "must be an integer", height, depth + 1);
      } else {
        if (height < 1) {
          fail(errors, path + "/height", "minimum", "must be >= 1");
        }
        if (height > 9007199254740991) {
          fail(errors, path + "/height", "maximum", "must be <= 9007199254740991");
        }
      }
    }
    const altText = value["altText"];
    if (altText !== void 0) {
      if (typeof altText !== "string") {
        reject(errors, path + "/altText", "type", "must be a string", altText, depth + 1);
      } else if (!isWellFormed(altText)) {
        failDocument(errors, "text");
      } else {
        if (altText.length > 500 && codePointLength(altText) > 500) {
          fail(errors, path + "/altText", "maxLength", "must be at most 500 characters long");
        }
      }
    }
    if (unknown !== void 0) unknownProperties(errors, path, value, unknown, tolerant, depth);
  }
}
function checkImageActivityType(value, path, errors, depth) {
  if (value !== "coloring-page" && value !== "illustration" && value !== "diagram" && value !== "flashcard-image" && value !== "poster") {
    reject(
      errors,
      path,
      "enum",
      'must be one of "coloring-page", "illustration", "diagram", "flashcard-image", "poster"',
      value,
      depth
    );
  }
}
function checkImageJobPayload(value, path, errors, tolerant, depth) {
  if (!isObject(value)) {
    reject(errors, path, "type", "must be an object", value, depth);
  } else {
    if (depth > 64) {
      failDocument(errors, "depth");
      return;
    }
    let unknown;
    for (const key in value) {
      switch (key) {
        case "activityType":
        case "prompt":
        case "negativePrompt":
        case "style":
        case "size":
        case "count":
        case "seed":
          break;
        default:
          (unknown ??= []).push(key);
      }
    }
    const activityType = value["activityType"];
    if (activityType === void 0) {
      fail(errors, path + "/activityType", "required", "is required");
    } else {
      checkImageActivityType(activityType, path + "/activityType", errors, depth + 1);
    }
    const prompt = value["prompt"];
    if (prompt === void 0) {
      fail(errors, path + "/prompt", "required", "is required");
    } else {
      if (typeof prompt !== "string") {
        reject(errors, path + "/prompt", "type", "must be a string", prompt, depth + 1);
      } else if (!isWellFormed(prompt)) {
        failDocument(errors, "text");
      } else {
        if (prompt.length === 0) {
          fail(errors, path + "/prompt", "minLength", "must not be empty");
        }
        if (prompt.length > 2e3 && codePointLength(prompt) > 2e3) {
          fail(errors, path + "/prompt", "maxLength", "must be at most 2000 characters long");
        }
      }
    }
    const negativePrompt = value["negativePrompt"];
    if (negativePrompt !== void 0) {
      if (typeof negativePrompt !== "string") {
        reject(
          errors,
          path + "/negativePrompt",
          "type",
          "must be a string",
          negativePrompt,
          depth + 1
        );
      } else if (!isWellFormed(negativePrompt)) {
        failDocument(errors, "text");
      } else {
        if (negativePrompt.length > 1e3 && codePointLength(negativePrompt) > 1e3) {
          fail(
            errors,
            path + "/negativePrompt",
            "maxLength",
            "must be at most 1000 characters long"
          );
        }
      }
    }
    const style = value["style"];
    if (style !== void 0) {
      if (style !== "cartoon" && style !== "line-art" && style !== "realistic" && style !== "watercolor" && style !== "pixel-art") {
        reject(
          errors,
          path + "/style",
          "enum",
          'must be one of "cartoon", "line-art", "realistic", "watercolor", "pixel-art"',
          style,
          depth + 1
        );
      }
    }
    const size = value["size"];
    if (size === void 0) {
      fail(errors, path + "/size", "required", "is required");
    } else {
      checkImageSize(size, path + "/size", errors, tolerant, depth + 1);
    }
    const count = value["count"];
    if (count !== void 0) {
      if (typeof count !== "number" || !Number.isInteger(count)) {
        reject(errors, path + "/count", "type", "must be an integer", count, depth + 1);
      } else {
        if (count < 1) {
          fail(errors, path + "/count", "minimum", "must be >= 1");
        }
        if (count > 4) {
          fail(errors, path + "/count", "maximum", "must be <= 4");
        }
      }
    }
    const seed = value["seed"];
    if (seed !== void 0) {
      if (seed !== null) {
        if (typeof seed !== "number" || !Number.isInteger(seed)) {
          reject(errors, path + "/seed", "type", "must be an integer or null", seed, depth + 1);
        } else {
          if (seed < 0) {
            fail(errors, path + "/seed", "minimum", "must be >= 0");
          }
          if (seed > 4294967295) {
            fail(errors, path + "/seed", "maximum", "must be <= 4294967295");
          }
        }
      }
    }
    if (unknown !== void 0) unknownProperties(errors, path, value, unknown, tolerant, depth);
  }
}
function checkImageJobRequested(value, path, errors, tolerant, depth) {
  if (!isObject(value)) {
    reject(errors, path, "type", "must be an object", value, depth);
  } else {
    if (depth > 64) {
      failDocument(errors, "depth");
      return;
    }
    let unknown;
    for (const key in value) {
      switch (key) {
        case "eventType":
        case "version":
        case "eventId":
        case "jobId":
        case "userId":
        case "timestamp":
        case "payload":
          break;
        default:
          (unknown ??= []).push(key);
      }
    }
    const eventType = value["eventType"];
    if (eventType === void 0) {
      fail(errors, path + "/eventType", "required", "is required");
    } else {
      if (eventType !== "IMAGE_JOB_REQUESTED") {
        reject(
          errors,
          path + "/eventType",
          "const",
          'must be "IMAGE_JOB_REQUESTED"',
          eventType,
          depth + 1
        );
      }
    }
    const version = value["version"];
    if (version === void 0) {
      fail(errors, path + "/version", "required", "is required");
    } else {
      if (version !== 1) {
        reject(errors, path + "/version", "const", "must be 1", version, depth + 1);
      }
    }
    const eventId = value["eventId"];
    if (eventId === void 0) {
      fail(errors, path + "/eventId", "required", "is required");
    } else {
      checkEventId(eventId, path + "/eventId", errors, depth + 1);
    }
    const jobId = value["jobId"];
    if (jobId === void 0) {
      fail(errors, path + "/jobId", "required", "is required");
    } else {
      checkJobId(jobId, path + "/jobId", errors, depth + 1);
    }
    const userId = value["userId"];
    if (userId === void 0) {
      fail(errors, path + "/userId", "required", "is required");
    } else {
      checkUserId(userId, path + "/userId", errors, depth + 1);
    }
    const timestamp = value["timestamp"];
    if (timestamp === void 0) {
      fail(errors, path + "/timestamp", "required", "is required");
    } else {
      checkTimestamp(timestamp, path + "/timestamp", errors, depth + 1);
    }
    const payload = value["payload"];
    if (payload === void 0) {
      fail(errors, path + "/payload", "required", "is required");
    } else {
      checkImageJobPayload(payload, path + "/payload", errors, tolerant, depth + 1);
    }
    if (unknown !== void 0) unknownProperties(errors, path, value, unknown, tolerant, depth);
  }
}
function checkImageOutput(value, path, errors, tolerant, depth) {
  if (!isObject(value)) {
    reject(errors, path, "type", "must be an object", value, depth);
  } else {
    if (depth > 64) {
      failDocument(errors, "depth");
      return;
    }
    let unknown;
    for (const key in value) {
      switch (key) {
        case "kind":
        case "activityType":
        case "images":
          break;
        default:
          (unknown ??= []).push(key);
      }
    }
    const kind = value["kind"];
    if (kind === void 0) {
      fail(errors, path + "/kind", "required", "is required");
    } else {
      if (kind !== "image") {
        reject(errors, path + "/kind", "const", 'must be "image"', kind, depth + 1);
      }
    }
    const activityType = value["activityType"];
    if (activityType === void 0) {
      fail(errors, path + "/activityType", "required", "is required");
    } else {
      checkImageActivityType(activityType, path + "/activityType", errors, depth + 1);
    }
    const images = value["images"];
    if (images === void 0) {
      fail(errors, path + "/images", "required", "is required");
    } else {
      if (!Array.isArray(images)) {
        reject(errors, path + "/images", "type", "must be an array", images, depth + 1);
      } else if (depth + 1 > 64) {
        failDocument(errors, "depth");
      } else {
        if (images.length < 1) {
          fail(errors, path + "/images", "minItems", "must have at least 1 item");
        }
        if (images.length > 4) {
          fail(errors, path + "/images", "maxItems", "must have at most 4 items");
        }
        for (let index0 = 0; index0 < images.length; index0++) {
          const item1 = images[index0];
          checkGeneratedImage(item1, path + "/images/" + index0, errors, tolerant, depth + 2);
        }
      }
    }
    if (unknown !== void 0) unknownProperties(errors, path, value, unknown, tolerant, depth);
  }
}
function checkImageSize(value, path, errors, tolerant, depth) {
  if (!isObject(value)) {
    reject(errors, path, "type", "must be an object", value, depth);
  } else {
    if (depth > 64) {
      failDocument(errors, "depth");
      return;
    }
    let unknown;
    for (const key in value) {
      switch (key) {
        case "width":
        case "height":
          break;
        default:
          (unknown ??= []).push(key);
      }
    }
    const width = value["width"];
    if (width === void 0) {
      fail(errors, path + "/width", "required", "is required");
    } else {
      if (typeof width !== "number" || !Number.isInteger(width)) {
        reject(errors, path + "/width", "type", "must be an integer", width, depth + 1);
      } else {
        if (width < 64) {
          fail(errors, path + "/width", "minimum", "must be >= 64");
        }
        if (width > 4096) {
          fail(errors, path + "/width", "maximum", "must be <= 4096");
        }
      }
    }
    const height = value["height"];
    if (height === void 0) {
      fail(errors, path + "/height", "required", "is required");
    } else {
      if (typeof height !== "number" || !Number.isInteger(height)) {
        reject(errors, path + "/height", "type", "must be an integer", height, depth + 1);
      } else {
        if (height < 64) {
          fail(errors, path + "/height", "minimum", "must be >= 64");
        }
        if (height > 4096) {
          fail(errors, path + "/height", "maximum", "must be <= 4096");
        }
      }
    }
    if (unknown !== void 0) unknownProperties(errors, path, value, unknown, tolerant, depth);
  }
}
function checkJobCompleted(value, path, errors, tolerant, depth) {
  if (!isObject(value)) {
    reject(errors, path, "type", "must be an object", value, depth);
  } else {
    if (depth > 64) {
      failDocument(errors, "depth");
      return;
    }
    let unknown;
    for (const key in value) {
      switch (key) {
        case "status":
        case "jobKind":
        case "attempt":
        case "activityId":
          break;
        default:
          (unknown ??= []).push(key);
      }
    }
    const status = value["status"];
    if (status === void 0) {
      fail(errors, path + "/status", "required", "is required");
    } else {
      if (status !== "completed") {
        reject(errors, path + "/status", "const", 'must be "completed"', status, depth + 1);
      }
    }
    const jobKind = value["jobKind"];
    if (jobKind === void 0) {
      fail(errors, path + "/jobKind", "required", "is required");
    } else {
      checkJobKind(jobKind, path + "/jobKind", errors, depth + 1);
    }
    const attempt = value["attempt"];
    if (attempt === void 0) {
      fail(errors, path + "/attempt", "required", "is required");
    } else {
      if (typeof attempt !== "number" || !Number.isInteger(attempt)) {
        reject(errors, path + "/attempt", "type", "must be an integer", attempt, depth + 1);
      } else {
        if (attempt < 1) {
          fail(errors, path + "/attempt", "minimum", "must be >= 1");
        }
        if (attempt > 10) {
          fail(errors, path + "/attempt", "maximum", "must be <= 10");
        }
      }
    }
    const activityId = value["activityId"];
    if (activityId === void 0) {
      fail(errors, path + "/activityId", "required", "is required");
    } else {
      if (typeof activityId !== "string") {
        reject(errors, path + "/activityId", "type", "must be a string", activityId, depth + 1);
      } else {
        if (!isUuid(activityId)) {
          reject(
            errors,
            path + "/activityId",
            "format",
            "must be a valid uuid",
            activityId,
            depth + 1
          );
        }
      }
    }
    if (unknown !== void 0) unknownProperties(errors, path, value, unknown, tolerant, depth);
  }
}
function checkJobError(value, path, errors, tolerant, depth) {
  if (!isObject(value)) {
    reject(errors, path, "type", "must be an object", value, depth);
  } else {
    if (depth > 64) {
      failDocument(errors, "depth");
      return;
    }
    let unknown;
    for (const key in value) {
      switch (key) {
        case "code":
        case "message":
        case "retryable":
          break;
        default:
          (unknown ??= []).push(key);
      }
    }
    const code = value["code"];
    if (code === void 0) {
      fail(errors, path + "/code", "required", "is required");
    } else {
      if (code !== "INVALID_REQUEST" && code !== "CONTENT_REJECTED" && code !== "MODEL_UNAVAILABLE" && code !== "TIMEOUT" && code !== "INTERNAL") {
        reject(
          errors,
          path + "/code",
          "enum",
          'must be one of "INVALID_REQUEST", "CONTENT_REJECTED", "MODEL_UNAVAILABLE", "TIMEOUT", "INTERNAL"',
          code,
          depth + 1
        );
      }
    }
    const message = value["message"];
    if (message === void 0) {
      fail(errors, path + "/message", "required", "is required");
    } else {
      if (typeof message !== "string") {
        reject(errors, path + "/message", "type", "must be a string", message, depth + 1);
      } else if (!isWellFormed(message)) {
        failDocument(errors, "text");
      } else {
        if (message.length === 0) {
          fail(errors, path + "/message", "minLength", "must not be empty");
        }
        if (message.length > 2e3 && codePointLength(message) > 2e3) {
          fail(errors, path + "/message", "maxLength", "must be at most 2000 characters long");
        }
      }
    }
    const retryable = value["retryable"];
    if (retryable === void 0) {
      fail(errors, path + "/retryable", "required", "is required");
    } else {
      if (typeof retryable !== "boolean") {
        reject(errors, path + "/retryable", "type", "must be a boolean", retryable, depth + 1);
      }
    }
    if (unknown !== void 0) unknownProperties(errors, path, value, unknown, tolerant, depth);
  }
}
function checkJobFailed(value, path, errors, tolerant, depth) {
  if (!isObject(value)) {
    reject(errors, path, "type", "must be an object", value, depth);
  } else {
    if (depth > 64) {
      failDocument(errors, "depth");
      return;
    }
    let unknown;
    for (const key in value) {
      switch (key) {
        case "status":
        case "jobKind":
        case "attempt":
        case "error":
        case "nextRetryAt":
          break;
        default:
          (unknown ??= []).push(key);
      }
    }
    const status = value["status"];
    if (status === void 0) {
      fail(errors, path + "/status", "required", "is required");
    } else {
      if (status !== "failed") {
        reject(errors, path + "/status", "const", 'must be "failed"', status, depth + 1);
      }
    }
    const jobKind = value["jobKind"];
    if (jobKind === void 0) {
      fail(errors, path + "/jobKind", "required", "is required");
    } else {
      checkJobKind(jobKind, path + "/jobKind", errors, depth + 1);
    }
    const attempt = value["attempt"];
    if (attempt === void 0) {
      fail(errors, path + "/attempt", "required", "is required");
    } else {
      if (typeof attempt !== "number" || !Number.isInteger(attempt)) {
        reject(errors, path + "/attempt", "type", "must be an integer", attempt, depth + 1);
      } else {
        if (attempt < 1) {
          fail(errors, path + "/attempt", "minimum", "must be >= 1");
        }
        if (attempt > 10) {
          fail(errors, path + "/attempt", "maximum", "must be <= 10");
        }
      }
    }
    const error = value["error"];
    if (error === void 0) {
      fail(errors, path + "/error", "required", "is required");
    } else {
      checkJobError(error, path + "/error", errors, tolerant, depth + 1);
    }
    const nextRetryAt = value["nextRetryAt"];
    if (nextRetryAt !== void 0) {
      if (nextRetryAt !== null) {
        if (typeof nextRetryAt !== "string") {
          reject(
            errors,
            path + "/nextRetryAt",
            "type",
            "must be a string or null",
            nextRetryAt,
            depth + 1
          );
        } else {
          if (!isDateTime(nextRetryAt)) {
            reject(
              errors,
              path + "/nextRetryAt",
              "format",
              "must be a valid date-time",
              nextRetryAt,
              depth + 1
            );
          }
        }
      }
    }
    if (unknown !== void 0) unknownProperties(errors, path, value, unknown, tolerant, depth);
  }
}
function checkJobId(value, path, errors, depth) {
  if (typeof value !== "string") {
    reject(errors, path, "type", "must be a string", value, depth);
  } else {
    if (!isUuid(value)) {
      reject(errors, path, "format", "must be a valid uuid", value, depth);
    }
  }
}
function checkJobKind(value, path, errors, depth) {
  if (value !== "text" && value !== "image") {
    reject(errors, path, "enum", 'must be one of "text", "image"', value, depth);
  }
}
function checkJobProcessing(value, path, errors, tolerant, depth) {
  if (!isObject(value)) {
    reject(errors, path, "type", "must be an object", value, depth);
  } else {
    if (depth > 64) {
      failDocument(errors, "depth");
      return;
    }
    let unknown;
    for (const key in value) {
      switch (key) {
        case "status":
        case "jobKind":
        case "attempt":
        case "progress":
        case "stage":
          break;
        default:
          (unknown ??= []).push(key);
      }
    }
    const status = value["status"];
    if (status === void 0) {
      fail(errors, path + "/status", "required", "is required");
    } else {
      if (status !== "processing") {
        reject(errors, path + "/status", "const", 'must be "processing"', status, depth + 1);
      }
    }
    const jobKind = value["jobKind"];
    if (jobKind === void 0) {
      fail(errors, path + "/jobKind", "required", "is required");
    } else {
      checkJobKind(jobKind, path + "/jobKind", errors, depth + 1);
    }
    const attempt = value["attempt"];
    if (attempt === void 0) {
      fail(errors, path + "/attempt", "required", "is required");
    } else {
      if (typeof attempt !== "number" || !Number.isInteger(attempt)) {
        reject(errors, path + "/attempt", "type", "must be an integer", attempt, depth + 1);
      } else {
        if (attempt < 1) {
          fail(errors, path + "/attempt", "minimum", "must be >= 1");
        }
        if (attempt > 10) {
          fail(errors, path + "/attempt", "maximum", "must be <= 10");
        }
      }
    }
    const progress = value["progress"];
    if (progress === void 0) {
      fail(errors, path + "/progress", "required", "is required");
    } else {
      if (typeof progress !== "number" || !Number.isInteger(progress)) {
        reject(errors, path + "/progress", "type", "must be an integer", progress, depth + 1);
      } else {
        if (progress < 0) {
          fail(errors, path + "/progress", "minimum", "must be >= 0");
        }
        if (progress > 100) {
          fail(errors, path + "/progress", "maximum", "must be <= 100");
        }
      }
    }
    const stage = value["stage"];
    if (stage !== void 0) {
      if (typeof stage !== "string") {
        reject(errors, path + "/stage", "type", "must be a string", stage, depth + 1);
      } else if (!isWellFormed(stage)) {
        failDocument(errors, "text");
      } else {
        if (stage.length === 0) {
          fail(errors, path + "/stage", "minLength", "must not be empty");
        }
        if (stage.length > 200 && codePointLength(stage) > 200) {
          fail(errors, path + "/stage", "maxLength", "must be at most 200 characters long");
        }
      }
    }
    if (unknown !== void 0) unknownProperties(errors, path, value, unknown, tolerant, depth);
  }
}
function checkJobQueued(value, path, errors, tolerant, depth) {
  if (!isObject(value)) {
    reject(errors, path, "type", "must be an object", value, depth);
  } else {
    if (depth > 64) {
      failDocument(errors, "depth");
      return;
    }
    let unknown;
    for (const key in value) {
      switch (key) {
        case "status":
        case "jobKind":
        case "queuePosition":
          break;
        default:
          (unknown ??= []).push(key);
      }
    }
    const status = value["status"];
    if (status === void 0) {
      fail(errors, path + "/status", "required", "is required");
    } else {
      if (status !== "queued") {
        reject(errors, path + "/status", "const", 'must be "queued"', status, depth + 1);
      }
    }
    const jobKind = value["jobKind"];
    if (jobKind === void 0) {
      fail(errors, path + "/jobKind", "required", "is required");
    } else {
      checkJobKind(jobKind, path + "/jobKind", errors, depth + 1);
    }
    const queuePosition = value["queuePosition"];
    if (queuePosition !== void 0) {
      if (typeof queuePosition !== "number" || !Number.isInteger(queuePosition)) {
        reject(
          errors,
          path + "/queuePosition",
          "type",
          "must be an integer",
          queuePosition,
          depth + 1
        );
      } else {
        if (queuePosition < 0) {
          fail(errors, path + "/queuePosition", "minimum", "must be >= 0");
        }
        if (queuePosition > 9007199254740991) {
          fail(errors, path + "/queuePosition", "maximum", "must be <= 9007199254740991");
        }
      }
    }
    if (unknown !== void 0) unknownProperties(errors, path, value, unknown, tolerant, depth);
  }
}
function checkJobStatus(value, path, errors, tolerant, depth) {
  if (!isObject(value)) {
    reject(errors, path, "type", "must be an object", value, depth);
    return;
  }
  const tag = value["status"];
  switch (tag) {
    case "queued":
      checkJobQueued(value, path, errors, tolerant, depth);
      return;
    case "processing":
      checkJobProcessing(value, path, errors, tolerant, depth);
      return;
    case "completed":
      checkJobCompleted(value, path, errors, tolerant, depth);
      return;
    case "failed":
      checkJobFailed(value, path, errors, tolerant, depth);
      return;
    default:
      if (tag === void 0) {
        reject(errors, path + "/status", "required", "is required", value, depth);
      } else {
        reject(
          errors,
          path + "/status",
          "oneOf",
          'must be one of "queued", "processing", "completed", "failed"',
          value,
          depth
        );
      }
  }
}
function checkJobStatusChanged(value, path, errors, tolerant, depth) {
  if (!isObject(value)) {
    reject(errors, path, "type", "must be an object", value, depth);
  } else {
    if (depth > 64) {
      failDocument(errors, "depth");
      return;
    }
    let unknown;
    for (const key in value) {
      switch (key) {
        case "eventType":
        case "version":
        case "eventId":
        case "jobId":
        case "userId":
        case "timestamp":
        case "payload":
          break;
        default:
          (unknown ??= []).push(key);
      }
    }
    const eventType = value["eventType"];
    if (eventType === void 0) {
      fail(errors, path + "/eventType", "required", "is required");
    } else {
      if (eventType !== "JOB_STATUS_CHANGED") {
        reject(
          errors,
          path + "/eventType",
          "const",
          'must be "JOB_STATUS_CHANGED"',
          eventType,
          depth + 1
        );
      }
    }
    const version = value["version"];
    if (version === void 0) {
      fail(errors, path + "/version", "required", "is required");
    } else {
      if (version !== 1) {
        reject(errors, path + "/version", "const", "must be 1", version, depth + 1);
      }
    }
    const eventId = value["eventId"];
    if (eventId === void 0) {
      fail(errors, path + "/eventId", "required", "is required");
    } else {
      checkEventId(eventId, path + "/eventId", errors, depth + 1);
    }
    const jobId = value["jobId"];
    if (jobId === void 0) {
      fail(errors, path + "/jobId", "required", "is required");
    } else {
      checkJobId(jobId, path + "/jobId", errors, depth + 1);
    }
    const userId = value["userId"];
    if (userId === void 0) {
      fail(errors, path + "/userId", "required", "is required");
    } else {
      checkUserId(userId, path + "/userId", errors, depth + 1);
    }
    const timestamp = value["timestamp"];
    if (timestamp === void 0) {
      fail(errors, path + "/timestamp", "required", "is required");
    } else {
      checkTimestamp(timestamp, path + "/timestamp", errors, depth + 1);
    }
    const payload = value["payload"];
    if (payload === void 0) {
      fail(errors, path + "/payload", "required", "is required");
    } else {
      checkJobStatus(payload, path + "/payload", errors, tolerant, depth + 1);
    }
    if (unknown !== void 0) unknownProperties(errors, path, value, unknown, tolerant, depth);
  }
}
function checkLanguageTag(value, path, errors, depth) {
  if (typeof value !== "string") {
    reject(errors, path, "type", "must be a string", value, depth);
  } else {
    if (value.length < 4 && codePointLength(value) < 2) {
      reject(errors, path, "minLength", "must be at least 2 characters long", value, depth);
    }
    if (value.length > 16 && codePointLength(value) > 16) {
      reject(errors, path, "maxLength", "must be at most 16 characters long", value, depth);
    }
    if (!PATTERN_0.test(value)) {
      reject(
        errors,
        path,
        "pattern",
        "must match the pattern ^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$",
        value,
        depth
      );
    }
  }
}
function checkTextActivityType(value, path, errors, depth) {
  if (value !== "quiz" && value !== "worksheet" && value !== "flashcards" && value !== "story" && value !== "lesson-plan" && value !== "word-search") {
    reject(
      errors,
      path,
      "enum",
      'must be one of "quiz", "worksheet", "flashcards", "story", "lesson-plan", "word-search"',
      value,
      depth
    );
  }
}
function checkTextJobOptions(value, path, errors, tolerant, depth) {
  if (!isObject(value)) {
    reject(errors, path, "type", "must be an object", value, depth);
  } else {
    if (depth > 64) {
      failDocument(errors, "depth");
      return;
    }
    let unknown;
    for (const key in value) {
      switch (key) {
        case "difficulty":
        case "maxWords":
        case "questionCount":
        case "includeAnswerKey":
          break;
        default:
          (unknown ??= []).push(key);
      }
    }
    const difficulty = value["difficulty"];
    if (difficulty !== void 0) {
      if (difficulty !== "easy" && difficulty !== "medium" && difficulty !== "hard") {
        reject(
          errors,
          path + "/difficulty",
          "enum",
          'must be one of "easy", "medium", "hard"',
          difficulty,
          depth + 1
        );
      }
    }
    const maxWords = value["maxWords"];
    if (maxWords !== void 0) {
      if (typeof maxWords !== "number" || !Number.isInteger(maxWords)) {
        reject(errors, path + "/maxWords", "type", "must be an integer", maxWords, depth + 1);
      } else {
        if (maxWords < 10) {
          fail(errors, path + "/maxWords", "minimum", "must be >= 10");
        }
        if (maxWords > 5e3) {
          fail(errors, path + "/maxWords", "maximum", "must be <= 5000");
        }
      }
    }
    const questionCount = value["questionCount"];
    if (questionCount !== void 0) {
      if (typeof questionCount !== "number" || !Number.isInteger(questionCount)) {
        reject(
          errors,
          path + "/questionCount",
          "type",
          "must be an integer",
          questionCount,
          depth + 1
        );
      } else {
        if (questionCount < 1) {
          fail(errors, path + "/questionCount", "minimum", "must be >= 1");
        }
        if (questionCount > 50) {
          fail(errors, path + "/questionCount", "maximum", "must be <= 50");
        }
      }
    }
    const includeAnswerKey = value["includeAnswerKey"];
    if (includeAnswerKey !== void 0) {
      if (typeof includeAnswerKey !== "boolean") {
        reject(
          errors,
          path + "/includeAnswerKey",
          "type",
          "must be a boolean",
          includeAnswerKey,
          depth + 1
        );
      }
    }
    if (unknown !== void 0) unknownProperties(errors, path, value, unknown, tolerant, depth);
  }
}
function checkTextJobPayload(value, path, errors, tolerant, depth) {
  if (!isObject(value)) {
    reject(errors, path, "type", "must be an object", value, depth);
  } else {
    if (depth > 64) {
      failDocument(errors, "depth");
      return;
    }
    let unknown;
    for (const key in value) {
      switch (key) {
        case "activityType":
        case "prompt":
        case "language":
        case "gradeLevel":
        case "options":
        case "tags":
          break;
        default:
          (unknown ??= []).push(key);
      }
    }
    const activityType = value["activityType"];
    if (activityType === void 0) {
      fail(errors, path + "/activityType", "required", "is required");
    } else {
      checkTextActivityType(activityType, path + "/activityType", errors, depth + 1);
    }
    const prompt = value["prompt"];
    if (prompt === void 0) {
      fail(errors, path + "/prompt", "required", "is required");
    } else {
      if (typeof prompt !== "string") {
        reject(errors, path + "/prompt", "type", "must be a string", prompt, depth + 1);
      } else if (!isWellFormed(prompt)) {
        failDocument(errors, "text");
      } else {
        if (prompt.length === 0) {
          fail(errors, path + "/prompt", "minLength", "must not be empty");
        }
        if (prompt.length > 4e3 && codePointLength(prompt) > 4e3) {
          fail(errors, path + "/prompt", "maxLength", "must be at most 4000 characters long");
        }
      }
    }
    const language = value["language"];
    if (language === void 0) {
      fail(errors, path + "/language", "required", "is required");
    } else {
      checkLanguageTag(language, path + "/language", errors, depth + 1);
    }
    const gradeLevel = value["gradeLevel"];
    if (gradeLevel !== void 0) {
      if (typeof gradeLevel !== "number" || !Number.isInteger(gradeLevel)) {
        reject(errors, path + "/gradeLevel", "type", "must be an integer", gradeLevel, depth + 1);
      } else {
        if (gradeLevel < 0) {
          fail(errors, path + "/gradeLevel", "minimum", "must be >= 0");
        }
        if (gradeLevel > 12) {
          fail(errors, path + "/gradeLevel", "maximum", "must be <= 12");
        }
      }
    }
    const options = value["options"];
    if (options !== void 0) {
      checkTextJobOptions(options, path + "/options", errors, tolerant, depth + 1);
    }
    const tags = value["tags"];
    if (tags !== void 0) {
      if (!Array.isArray(tags)) {
        reject(errors, path + "/tags", "type", "must be an array", tags, depth + 1);
      } else if (depth + 1 > 64) {
        failDocument(errors, "depth");
      } else {
        if (tags.length > 10) {
          fail(errors, path + "/tags", "maxItems", "must have at most 10 items");
        }
        for (let index0 = 0; index0 < tags.length; index0++) {
          const item1 = tags[index0];
          if (typeof item1 !== "string") {
            reject(
              errors,
              path + "/tags/" + index0,
              "type",
              "must be a string",
              item1,
              depth + 2
            );
          } else if (!isWellFormed(item1)) {
            failDocument(errors, "text");
          } else {
            if (item1.length === 0) {
              fail(errors, path + "/tags/" + index0, "minLength", "must not be empty");
            }
            if (item1.length > 40 && codePointLength(item1) > 40) {
              fail(
                errors,
                path + "/tags/" + index0,
                "maxLength",
                "must be at most 40 characters long"
              );
            }
          }
        }
      }
    }
    if (unknown !== void 0) unknownProperties(errors, path, value, unknown, tolerant, depth);
  }
}
function checkTextJobRequested(value, path, errors, tolerant, depth) {
  if (!isObject(value)) {
    reject(errors, path, "type", "must be an object", value, depth);
  } else {
    if (depth > 64) {
      failDocument(errors, "depth");
      return;
    }
    let unknown;
    for (const key in value) {
      switch (key) {
        case "eventType":
        case "version":
        case "eventId":
        case "jobId":
        case "userId":
        case "timestamp":
        case "payload":
          break;
        default:
          (unknown ??= []).push(key);
      }
    }
    const eventType = value["eventType"];
    if (eventType === void 0) {
      fail(errors, path + "/eventType", "required", "is required");
    } else {
      if (eventType !== "TEXT_JOB_REQUESTED") {
        reject(
          errors,
          path + "/eventType",
          "const",
          'must be "TEXT_JOB_REQUESTED"',
          eventType,
          depth + 1
        );
      }
    }
    const version = value["version"];
    if (version === void 0) {
      fail(errors, path + "/version", "required", "is required");
    } else {
      if (version !== 1) {
        reject(errors, path + "/version", "const", "must be 1", version, depth + 1);
      }
    }
    const eventId = value["eventId"];
    if (eventId === void 0) {
      fail(errors, path + "/eventId", "required", "is required");
    } else {
      checkEventId(eventId, path + "/eventId", errors, depth + 1);
    }
    const jobId = value["jobId"];
    if (jobId === void 0) {
      fail(errors, path + "/jobId", "required", "is required");
    } else {
      checkJobId(jobId, path + "/jobId", errors, depth + 1);
    }
    const userId = value["userId"];
    if (userId === void 0) {
      fail(errors, path + "/userId", "required", "is required");
    } else {
      checkUserId(userId, path + "/userId", errors, depth + 1);
    }
    const timestamp = value["timestamp"];
    if (timestamp === void 0) {
      fail(errors, path + "/timestamp", "required", "is required");
    } else {
      checkTimestamp(timestamp, path + "/timestamp", errors, depth + 1);
    }
    const payload = value["payload"];
    if (payload === void 0) {
      fail(errors, path + "/payload", "required", "is required");
    } else {
      checkTextJobPayload(payload, path + "/payload", errors, tolerant, depth + 1);
    }
    if (unknown !== void 0) unknownProperties(errors, path, value, unknown, tolerant, depth);
  }
}
function checkTextOutput(value, path, errors, tolerant, depth) {
  if (!isObject(value)) {
    reject(errors, path, "type", "must be an object", value, depth);
  } else {
    if (depth > 64) {
      failDocument(errors, "depth");
      return;
    }
    let unknown;
    for (const key in value) {
      switch (key) {
        case "kind":
        case "activityType":
        case "title":
        case "content":
        case "wordCount":
          break;
        default:
          (unknown ??= []).push(key);
      }
    }
    const kind = value["kind"];
    if (kind === void 0) {
      fail(errors, path + "/kind", "required", "is required");
    } else {
      if (kind !== "text") {
        reject(errors, path + "/kind", "const", 'must be "text"', kind, depth + 1);
      }
    }
    const activityType = value["activityType"];
    if (activityType === void 0) {
      fail(errors, path + "/activityType", "required", "is required");
    } else {
      checkTextActivityType(activityType, path + "/activityType", errors, depth + 1);
    }
    const title = value["title"];
    if (title === void 0) {
      fail(errors, path + "/title", "required", "is required");
    } else {
      if (typeof title !== "string") {
        reject(errors, path + "/title", "type", "must be a string", title, depth + 1);
      } else if (!isWellFormed(title)) {
        failDocument(errors, "text");
      } else {
        if (title.length === 0) {
          fail(errors, path + "/title", "minLength", "must not be empty");
        }
        if (title.length > 200 && codePointLength(title) > 200) {
          fail(errors, path + "/title", "maxLength", "must be at most 200 characters long");
        }
      }
    }
    const content = value["content"];
    if (content === void 0) {
      fail(errors, path + "/content", "required", "is required");
    } else {
      if (typeof content !== "string") {
        reject(errors, path + "/content", "type", "must be a string", content, depth + 1);
      } else if (!isWellFormed(content)) {
        failDocument(errors, "text");
      } else {
        if (content.length === 0) {
          fail(errors, path + "/content", "minLength", "must not be empty");
        }
        if (content.length > 1e5 && codePointLength(content) > 1e5) {
          fail(errors, path + "/content", "maxLength", "must be at most 100000 characters long");
        }
      }
    }
    const wordCount = value["wordCount"];
    if (wordCount === void 0) {
      fail(errors, path + "/wordCount", "required", "is required");
    } else {
      if (typeof wordCount !== "number" || !Number.isInteger(wordCount)) {
        reject(errors, path + "/wordCount", "type", "must be an integer", wordCount, depth + 1);
      } else {
        if (wordCount < 0) {
          fail(errors, path + "/wordCount", "minimum", "must be >= 0");
        }
        if (wordCount > 9007199254740991) {
          fail(errors, path + "/wordCount", "maximum", "must be <= 9007199254740991");
        }
      }
    }
    if (unknown !== void 0) unknownProperties(errors, path, value, unknown, tolerant, depth);
  }
}
function checkTimestamp(value, path, errors, depth) {
  if (typeof value !== "string") {
    reject(errors, path, "type", "must be a string", value, depth);
  } else {
    if (!isDateTime(value)) {
      reject(errors, path, "format", "must be a valid date-time", value, depth);
    }
  }
}
function checkUserId(value, path, errors, depth) {
  if (typeof value !== "string") {
    reject(errors, path, "type", "must be a string", value, depth);
  } else {
    if (value.length === 0) {
      reject(errors, path, "minLength", "must not be empty", value, depth);
    }
    if (value.length > 128 && codePointLength(value) > 128) {
      reject(errors, path, "maxLength", "must be at most 128 characters long", value, depth);
    }
    if (!PATTERN_1.test(value)) {
      reject(
        errors,
        path,
        "pattern",
        "must match the pattern ^[A-Za-z0-9][A-Za-z0-9._:@|-]*$",
        value,
        depth
      );
    }
  }
}
function validateActivityGenerated(value, options) {
  const errors = [];
  checkActivityGenerated(value, "", errors, options?.unknownProperties === "allow", 1);
  return errors.length === 0 ? { ok: true, value } : { ok: false, errors: settle(errors) };
}
function isActivityGenerated(value, options) {
  return validateActivityGenerated(value, options).ok;
}
function assertActivityGenerated(value, options) {
  const result = validateActivityGenerated(value, options);
  if (!result.ok) throw new ContractValidationError("ACTIVITY_GENERATED", result.errors);
  return result.value;
}
function validateImageJobRequested(value, options) {
  const errors = [];
  checkImageJobRequested(value, "", errors, options?.unknownProperties === "allow", 1);
  return errors.length === 0 ? { ok: true, value } : { ok: false, errors: settle(errors) };
}
function isImageJobRequested(value, options) {
  return validateImageJobRequested(value, options).ok;
}
function assertImageJobRequested(value, options) {
  const result = validateImageJobRequested(value, options);
  if (!result.ok) throw new ContractValidationError("IMAGE_JOB_REQUESTED", result.errors);
  return result.value;
}
function validateJobStatusChanged(value, options) {
  const errors = [];
  checkJobStatusChanged(value, "", errors, options?.unknownProperties === "allow", 1);
  return errors.length === 0 ? { ok: true, value } : { ok: false, errors: settle(errors) };
}
function isJobStatusChanged(value, options) {
  return validateJobStatusChanged(value, options).ok;
}
function assertJobStatusChanged(value, options) {
  const result = validateJobStatusChanged(value, options);
  if (!result.ok) throw new ContractValidationError("JOB_STATUS_CHANGED", result.errors);
  return result.value;
}
function validateTextJobRequested(value, options) {
  const errors = [];
  checkTextJobRequested(value, "", errors, options?.unknownProperties === "allow", 1);
  return errors.length === 0 ? { ok: true, value } : { ok: false, errors: settle(errors) };
}
function isTextJobRequested(value, options) {
  return validateTextJobRequested(value, options).ok;
}
function assertTextJobRequested(value, options) {
  const result = validateTextJobRequested(value, options);
  if (!result.ok) throw new ContractValidationError("TEXT_JOB_REQUESTED", result.errors);
  return result.value;
}
function refuse(pointer, keyword, message, value) {
  const errors = [];
  reject(errors, pointer, keyword, message, value, 1);
  return { ok: false, errors };
}
function validateEvent(value, options) {
  if (!isObject(value)) return refuse("", "type", "must be an object", value);
  switch (value["eventType"]) {
    case "ACTIVITY_GENERATED":
      switch (value["version"]) {
        case 1:
          return validateActivityGenerated(value, options);
        default:
          return refuse(
            "/version",
            "version",
            "must be one of the versions the contracts keep: 1",
            value
          );
      }
    case "IMAGE_JOB_REQUESTED":
      switch (value["version"]) {
        case 1:
          return validateImageJobRequested(value, options);
        default:
          return refuse(
            "/version",
            "version",
            "must be one of the versions the contracts keep: 1",
            value
          );
      }
    case "JOB_STATUS_CHANGED":
      switch (value["version"]) {
        case 1:
          return validateJobStatusChanged(value, options);
        default:
          return refuse(
            "/version",
            "version",
            "must be one of the versions the contracts keep: 1",
            value
          );
      }
    case "TEXT_JOB_REQUESTED":
      switch (value["version"]) {
        case 1:
          return validateTextJobRequested(value, options);
        default:
          return refuse(
            "/version",
            "version",
            "must be one of the versions the contracts keep: 1",
            value
          );
      }
    default:
      return refuse(
        "/eventType",
        "eventType",
        'must be one of the known event types: "ACTIVITY_GENERATED", "IMAGE_JOB_REQUESTED", "JOB_STATUS_CHANGED", "TEXT_JOB_REQUESTED"',
        value
      );
  }
}
function validateEventJson(data, options) {
  const parsed = parseJson(data);
  return parsed === void 0 ? { ok: false, errors: syntaxErrors() } : validateEvent(parsed.value, options);
}
function isContractEvent(value, options) {
  return validateEvent(value, options).ok;
}
function assertEvent(value, options) {
  const result = validateEvent(value, options);
  if (!result.ok) {
    const eventType = isObject(value) && typeof value["eventType"] === "string" ? value["eventType"] : void 0;
    throw new ContractValidationError(eventType, result.errors);
  }
  return result.value;
}
export {
  assertActivityGenerated,
  assertEvent,
  assertImageJobRequested,
  assertJobStatusChanged,
  assertTextJobRequested,
  isActivityGenerated,
  isContractEvent,
  isImageJobRequested,
  isJobStatusChanged,
  isTextJobRequested,
  validateActivityGenerated,
  validateEvent,
  validateEventJson,
  validateImageJobRequested,
  validateJobStatusChanged,
  validateTextJobRequested
};
