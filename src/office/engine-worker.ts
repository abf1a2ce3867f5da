/**
 * The Web Worker that runs the engine and decides the write for «Controlla e calcola» in Excel
 * (engine-protocol.ts): Office.js stays on the pane's main thread, the seconds of pure work come here.
 */
import { EngineScope, serveEngine } from './engine-protocol';

serveEngine(self as unknown as EngineScope);
