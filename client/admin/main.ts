// The admin page's bundle: registers the elements; admin.html places <lectern-admin>.
import './lectern-admin.js';
