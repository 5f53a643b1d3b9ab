import { memo } from "react";
import Markdown from "react-markdown";
import remarkGfm from "remark-gfm";
import { MARKDOWN_COMPONENTS } from "./markdownComponents";
import { safeUrl } from "./safeUrl";

// Module constants: new arrays or functions on each render would defeat the memo below.
const REMARK_PLUGINS = [remarkGfm];
const urlTransform = (url: string) => safeUrl(url);

/**
 * A reply as Markdown. No rehype-raw: HTML in a reply stays text, so model output can never
 * run script or load anything. Memoized on the text: a finished reply is parsed once.
 */
export const ReplyMarkdown = memo(function ReplyMarkdown({ text }: { text: string }) {
  return (
    <div className="chat-markdown">
      <Markdown
        remarkPlugins={REMARK_PLUGINS}
        urlTransform={urlTransform}
        components={MARKDOWN_COMPONENTS}
      >
        {text}
      </Markdown>
    </div>
  );
});
