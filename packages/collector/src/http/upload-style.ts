/** The upload page's style sheet (upload-page.ts), served as its own file: the page's CSP allows no inline style. */
export const uploadStyle = `:root { color-scheme: light dark; font-family: system-ui, sans-serif; line-height: 1.5; }
body { margin: 0; }
main { max-width: 44rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.5rem; }
h2 { font-size: 1.2rem; margin: 0 0 0.5rem; }
.note { color: GrayText; font-size: 0.9rem; }
code { font-size: 0.85rem; word-break: break-all; }
.drop-zone { border: 2px dashed GrayText; border-radius: 8px; padding: 2rem 1rem; text-align: center; }
.drop-zone.over { border-color: Highlight; background: color-mix(in srgb, Highlight 10%, transparent); }
.drop-zone input { position: absolute; width: 1px; height: 1px; opacity: 0; }
.drop-zone:focus-within .button { outline: 2px solid Highlight; }
.button { display: inline-block; padding: 0.4rem 0.9rem; border: 1px solid ButtonBorder; border-radius: 4px; background: ButtonFace; color: ButtonText; cursor: pointer; font: inherit; text-decoration: none; }
.result { margin-top: 1.5rem; padding: 1rem; border-radius: 8px; border: 1px solid GrayText; }
.result.done { border-color: #2e7d32; }
.result.error { border-color: #c62828; }
.error { color: #c62828; }
textarea { box-sizing: border-box; width: 100%; font-family: ui-monospace, monospace; font-size: 0.8rem; }
`;
