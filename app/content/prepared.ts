// Course content prepared for rendering (issue 18): the Markdoc tree with every part that holds no component of
// ours (a paragraph, a list, a heading with its links and emphasis) turned into an element with its inner HTML,
// rendered once per content tree on the server (app/content/prepared.server.ts). What stays a tree are the
// elements around our components and the components themselves (a zelfscan, an opdracht block, a reflectie,
// …), so what differs per viewer is still rendered by React with the viewer's data (LessonContext), and the
// page's HTML is the same as when React renders the whole tree. A page then renders and sends a few dozen
// nodes instead of every link, emphasis and text of the lesson.

/** A text (escaped by React), or an element. */
export type PreparedNode = string | number | null | PreparedElement | PreparedNode[];

export type PreparedElement = {
  /** Tag name of an HTML element (lower case), or the name of one of our components (capitalised). */
  t: string;
  /** Its attributes (`class` as `className`), or the component's props. */
  a?: Record<string, unknown>;
  /**
   * An HTML element's content as HTML (escaped and rendered on the server). In the data of a document
   * request a number instead: the element is rendered with it as `data-h`, its HTML is known to the server
   * only (documentHtml), and the browser takes it from the rendered page while hydrating. Otherwise …
   */
  h?: string | number;
  /** … its children, when they hold one of our components. */
  c?: PreparedNode[];
};

/**
 * On the server: the HTML of each element whose `h` is a number (prepareContent's tree for a document
 * request). Kept beside the tree instead of in it, so that the page data (which sends what is in the tree)
 * leaves it out and its elements stay plain objects. In the browser it stays empty.
 */
export const documentHtml = new WeakMap<PreparedElement, string>();
