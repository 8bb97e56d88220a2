/**
 * The Payple wire edge shared by every capability: lenient body parsing (JSON, form,
 * multipart, query), the request's own base URL, CORS, and the rule that every answer on
 * a Payple path is HTTP 200 with a JSON object of strings. Capabilities plug in their
 * operations as {@link kr.gyeol.web.PaypleOperation} beans.
 */
package kr.gyeol.web;
