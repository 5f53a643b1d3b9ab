/**
 * Where node `i` of a benchmark flow sits, shared by the bare React Flow page and
 * the app's seeded flow so both canvases show the same picture.
 *
 * A snake: rows of COLUMNS nodes, every other row running right to left, so each edge of the
 * chain is short (a long single row would make fitView shrink the nodes to dots). Rows are
 * spaced wider than a node is tall, leaving empty pane between them to grab when panning.
 */
const COLUMNS = 32;
const STEP_X = 280;
const STEP_Y = 200;

export function snakePosition(i: number): { x: number; y: number } {
  const row = Math.floor(i / COLUMNS);
  const column = i % COLUMNS;
  const x = (row % 2 === 0 ? column : COLUMNS - 1 - column) * STEP_X;
  return { x, y: row * STEP_Y };
}
