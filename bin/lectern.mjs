#!/usr/bin/env node
// `npm start` and the service unit: the Lectern server (options: `npm start -- --help`).
import { launch } from './launch.mjs';

launch('main.js');
