/**
 * Rich text and XML as Yjs shares them: {@link dev.weft.text.YText} (text with embeds and
 * formatting, read and written as Quill deltas), and the XML tree types
 * {@link dev.weft.text.YXmlFragment}, {@link dev.weft.text.YXmlElement},
 * {@link dev.weft.text.YXmlText} and {@link dev.weft.text.YXmlHook}. Local edits produce the same
 * update bytes as the same edits in Yjs, so Weft and Yjs replicas can edit one document together.
 */
package dev.weft.text;
