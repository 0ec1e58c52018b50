// First, zod's CSP-safe setting, ahead of every module that builds a schema.
import './zod-jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { tabs } from './tabs';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <App tabs={tabs} />
  </StrictMode>
);
