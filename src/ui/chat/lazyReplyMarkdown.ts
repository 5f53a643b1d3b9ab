import { lazy } from "react";

/**
 * The Markdown parser (react-markdown, remark-gfm, micromark) is about 50 kB gzipped: loaded
 * after the first screen, like the AI SDK, so the editor does not wait for it. Replies show as
 * plain text for the moment it takes.
 */
export const loadReplyMarkdown = () => import("./ReplyMarkdown");

export const LazyReplyMarkdown = lazy(() =>
  loadReplyMarkdown().then((module) => ({ default: module.ReplyMarkdown })),
);
