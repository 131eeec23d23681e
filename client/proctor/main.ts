// The proctor's page: the live supervision dashboard.
import './lectern-proctor.js';
