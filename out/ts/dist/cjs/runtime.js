var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);
var runtime_exports = {};
__export(runtime_exports, {
  ContractValidationError: () => ContractValidationError,
  DOCUMENT_PROBLEMS: () => DOCUMENT_PROBLEMS,
  MAX_DEPTH: () => MAX_DEPTH,
  codePointLength: () => codePointLength,
  compareCodePoints: () => compareCodePoints,
  deepFreeze: () => deepFreeze,
  defaultProperty: () => defaultProperty,
  documentProblem: () => documentProblem,
  escapePointer: () => escapePointer,
  fail: () => fail,
  failDocument: () => failDocument,
  isDate: () => isDate,
  isDateTime: () => isDateTime,
  isMultipleOf: () => isMultipleOf,
  isObject: () => isObject,
  isUri: () => isUri,
  isUuid: () => isUuid,
  isWellFormed: () => isWellFormed,
  newEventId: () => newEventId,
  nowTimestamp: () => nowTimestamp,
  parseJson: () => parseJson,
  reject: () => reject,
  rememberWire: () => rememberWire,
  renameProperty: () => renameProperty,
  settle: () => settle,
  sortedKeys: () => sortedKeys,
  syntaxErrors: () => syntaxErrors,
  unknownProperties: () => unknownProperties,
  wireOf: () => wireOf
});
module.exports = __toCommonJS(runtime_exports);
class ContractValidationError extends Error {
  code = "CONTRACT_VALIDATION";
  eventType;
  errors;
  constructor(eventType, errors) {
    const subject = eventType === void 0 ? "event" : eventType + " event";
    const lines = errors.map(
      (error) => "  " + (error.pointer === "" ? "/" : error.pointer) + ": " + error.message
    );
    super(
      "invalid " + subject + " (" + errors.length + (errors.length === 1 ? " problem" : " problems") + "):\n" + lines.join("\n")
    );
    this.name = "ContractValidationError";
    this.eventType = eventType;
    this.errors = errors;
  }
}
function fail(errors, pointer, keyword, message) {
  errors.push({ pointer, keyword, message });
}
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function codePointLength(text) {
  let length = 0;
  for (let index = 0; index < text.length; index++) {
    length++;
    const code = text.charCodeAt(index);
    if (code >= 55296 && code <= 56319 && index + 1 < text.length) {
      const next = text.charCodeAt(index + 1);
      if (next >= 56320 && next <= 57343) index++;
    }
  }
  return length;
}
function escapePointer(segment) {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}
const MAX_DEPTH = 64;
const DOCUMENT_PROBLEMS = {
  syntax: "is not valid JSON (RFC 8259, UTF-8, no byte order mark)",
  depth: "nests objects and arrays deeper than " + MAX_DEPTH + " levels",
  number: "holds a number that does not fit a finite IEEE-754 double",
  text: "holds a string with a lone surrogate escape (\\uD800-\\uDFFF without its pair)"
};
const DOCUMENT_RANK = ["syntax", "depth", "number", "text"];
function isWellFormed(text) {
  return text.isWellFormed();
}
function documentProblem(value, depth) {
  if (typeof value === "number") return Number.isFinite(value) ? void 0 : "number";
  if (typeof value === "string") return isWellFormed(value) ? void 0 : "text";
  if (typeof value !== "object" || value === null) return void 0;
  if (depth > MAX_DEPTH) return "depth";
  let worst;
  const consider = (problem) => {
    if (problem !== void 0 && (worst === void 0 || DOCUMENT_RANK.indexOf(problem) < DOCUMENT_RANK.indexOf(worst)))
      worst = problem;
  };
  if (Array.isArray(value)) {
    for (const item of value) consider(documentProblem(item, depth + 1));
  } else {
    for (const key in value) {
      if (!isWellFormed(key)) consider("text");
      consider(documentProblem(value[key], depth + 1));
    }
  }
  return worst;
}
function failDocument(errors, problem) {
  errors.push({ pointer: "", keyword: "json", message: DOCUMENT_PROBLEMS[problem] });
}
function reject(errors, pointer, keyword, message, value, depth) {
  const problem = documentProblem(value, depth);
  if (problem === void 0) errors.push({ pointer, keyword, message });
  else failDocument(errors, problem);
}
function unknownProperties(errors, path, object, keys, tolerant, depth) {
  keys.sort(compareCodePoints);
  for (const key of keys) {
    const problem = isWellFormed(key) ? documentProblem(object[key], depth + 1) : "text";
    if (problem !== void 0) failDocument(errors, problem);
    else if (!tolerant)
      errors.push({
        pointer: path + "/" + escapePointer(key),
        keyword: "additionalProperties",
        message: "is not a property of this contract"
      });
  }
}
function settle(errors) {
  let worst;
  for (const error of errors) {
    if (error.keyword !== "json") continue;
    const rank = (candidate) => DOCUMENT_RANK.findIndex((problem) => DOCUMENT_PROBLEMS[problem] === candidate.message);
    if (worst === void 0 || rank(error) < rank(worst)) worst = error;
  }
  return worst === void 0 ? errors : [worst];
}
function compareCodePoints(a, b) {
  const length = Math.min(a.length, b.length);
  for (let index = 0; index < length; index++) {
    const left = a.codePointAt(index) ?? 0;
    const right = b.codePointAt(index) ?? 0;
    if (left !== right) return left - right;
    if (left > 65535) index++;
  }
  return a.length - b.length;
}
function sortedKeys(object) {
  return Object.keys(object).sort(compareCodePoints);
}
function isMultipleOf(value, divisor) {
  if (Number.isSafeInteger(value) && Number.isSafeInteger(divisor)) return value % divisor === 0;
  const [valueDigits, valueExponent] = decimalOf(value);
  const [divisorDigits, divisorExponent] = decimalOf(divisor);
  const exponent = Math.min(valueExponent, divisorExponent);
  const scaledValue = valueDigits * 10n ** BigInt(valueExponent - exponent);
  const scaledDivisor = divisorDigits * 10n ** BigInt(divisorExponent - exponent);
  return scaledValue % scaledDivisor === 0n;
}
function decimalOf(value) {
  const [mantissa = "0", exponent = "0"] = String(value).split("e");
  const [whole = "0", fraction = ""] = mantissa.split(".");
  return [BigInt(whole + fraction), Number(exponent) - fraction.length];
}
const Utf8Decoder = globalThis.TextDecoder;
function parseJson(data) {
  try {
    const text = typeof data === "string" ? data : new Utf8Decoder("utf-8", { fatal: true, ignoreBOM: true }).decode(data);
    return { value: JSON.parse(text) };
  } catch {
    return void 0;
  }
}
function syntaxErrors() {
  return [{ pointer: "", keyword: "json", message: DOCUMENT_PROBLEMS.syntax }];
}
function deepFreeze(value) {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze(value[key]);
  }
  return value;
}
function renameProperty(target, parent, from, to) {
  const object = objectAt(target, parent);
  if (object === void 0 || !Object.hasOwn(object, from)) return;
  Object.defineProperty(object, to, {
    value: object[from],
    enumerable: true,
    writable: true,
    configurable: true
  });
  delete object[from];
}
function defaultProperty(target, parent, property, value) {
  const object = objectAt(target, parent);
  if (object === void 0 || Object.hasOwn(object, property)) return;
  Object.defineProperty(object, property, {
    value: JSON.parse(JSON.stringify(value)),
    enumerable: true,
    writable: true,
    configurable: true
  });
}
function objectAt(target, path) {
  let current = target;
  for (const key of path)
    current = isObject(current) && Object.hasOwn(current, key) ? current[key] : void 0;
  return isObject(current) ? current : void 0;
}
const madeByFactory = /* @__PURE__ */ new WeakMap();
function rememberWire(event, json) {
  madeByFactory.set(event, json);
  return event;
}
function wireOf(event) {
  return madeByFactory.get(event);
}
function newEventId() {
  const webCrypto = globalThis.crypto;
  if (webCrypto?.randomUUID === void 0) {
    throw new Error(
      "crypto.randomUUID is not available; pass the envelope's UUIDs to the factory explicitly"
    );
  }
  return webCrypto.randomUUID();
}
function nowTimestamp() {
  return (/* @__PURE__ */ new Date()).toISOString();
}
const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const DATE = /^(\d\d\d\d)-(\d\d)-(\d\d)$/;
const DATE_TIME = /^(\d\d\d\d)-(\d\d)-(\d\d)[t\s](\d\d):(\d\d):(\d\d(?:\.\d+)?)(?:z|([+-])(\d\d)(?::?(\d\d))?)$/i;
const DATE_TIME_COMMON = /^\d\d\d\d-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?(?:Z|[+-]\d\d:\d\d)$/;
const HEX = "[0-9a-f]";
const UUID = new RegExp(
  `^(?:urn:uuid:)?${HEX.repeat(8)}-${HEX.repeat(4)}-${HEX.repeat(4)}-${HEX.repeat(4)}-${HEX.repeat(12)}$`,
  "i"
);
const NOT_URI_FRAGMENT = /\/|:/;
const URI = /^(?:[a-z][a-z0-9+\-.]*:)(?:\/?\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:]|%[0-9a-f]{2})*@)?(?:\[(?:(?:(?:(?:[0-9a-f]{1,4}:){6}|::(?:[0-9a-f]{1,4}:){5}|(?:[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){4}|(?:(?:[0-9a-f]{1,4}:){0,1}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){3}|(?:(?:[0-9a-f]{1,4}:){0,2}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){2}|(?:(?:[0-9a-f]{1,4}:){0,3}[0-9a-f]{1,4})?::[0-9a-f]{1,4}:|(?:(?:[0-9a-f]{1,4}:){0,4}[0-9a-f]{1,4})?::)(?:[0-9a-f]{1,4}:[0-9a-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?))|(?:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4})?::[0-9a-f]{1,4}|(?:(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})?::)|[Vv][0-9a-f]+\.[a-z0-9\-._~!$&'()*+,;=:]+)\]|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?)|(?:[a-z0-9\-._~!$&'()*+,;=]|%[0-9a-f]{2})*)(?::\d*)?(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*|\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)?|(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)(?:\?(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?$/i;
function isValidDate(year, month, day) {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month] ?? 0);
}
function isDate(text) {
  const match = DATE.exec(text);
  return match !== null && isValidDate(Number(match[1]), Number(match[2]), Number(match[3]));
}
function twoDigits(text, index) {
  return (text.charCodeAt(index) - 48) * 10 + (text.charCodeAt(index + 1) - 48);
}
function isDateTime(text) {
  if (DATE_TIME_COMMON.test(text)) {
    const year = twoDigits(text, 0) * 100 + twoDigits(text, 2);
    const end = text.length;
    const utc = text.charCodeAt(end - 1) === 90;
    if (twoDigits(text, 11) <= 23 && twoDigits(text, 14) <= 59 && twoDigits(text, 17) <= 59 && isValidDate(year, twoDigits(text, 5), twoDigits(text, 8)) && (utc || twoDigits(text, end - 5) <= 23 && twoDigits(text, end - 2) <= 59)) {
      return true;
    }
  }
  return isDateTimeExact(text);
}
function isDateTimeExact(text) {
  const match = DATE_TIME.exec(text);
  if (match === null || !isValidDate(Number(match[1]), Number(match[2]), Number(match[3])))
    return false;
  const hour = Number(match[4]);
  const minute = Number(match[5]);
  const second = Number(match[6]);
  const sign = match[7] === "-" ? -1 : 1;
  const offsetHour = Number(match[8] ?? 0);
  const offsetMinute = Number(match[9] ?? 0);
  if (offsetHour > 23 || offsetMinute > 59) return false;
  if (hour <= 23 && minute <= 59 && second < 60) return true;
  const utcMinute = minute - offsetMinute * sign;
  const utcHour = hour - offsetHour * sign - (utcMinute < 0 ? 1 : 0);
  return (utcHour === 23 || utcHour === -1) && (utcMinute === 59 || utcMinute === -1) && second < 61;
}
function isUuid(text) {
  return UUID.test(text);
}
function isUri(text) {
  return NOT_URI_FRAGMENT.test(text) && URI.test(text);
}
