/// <reference types="vite/client" />

declare module 'virtual:atlaskit-tokens.css';
