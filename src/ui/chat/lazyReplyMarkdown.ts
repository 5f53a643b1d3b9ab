import { lazy } from "react";

/**
 * The Markdown parser (react-markdown, remark-gfm, micromark) is about 50 kB gzipped: loaded
 * when the first reply is shown, like the AI SDK on the first call, so opening the editor
 * never fetches it. Replies show as plain text for the moment it takes.
 */
export const loadReplyMarkdown = () => import("./ReplyMarkdown");

export const LazyReplyMarkdown = lazy(() =>
  loadReplyMarkdown().then((module) => ({ default: module.ReplyMarkdown })),
);
