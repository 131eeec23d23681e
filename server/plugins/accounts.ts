import fp from 'fastify-plugin';
import { AccountService } from '../auth/account-service.js';
import { CandidateLoginWriter } from '../auth/candidate-login.js';
import { StaffLogins } from '../auth/staff-login.js';

export interface LoginServices {
  staff: StaffLogins;
  candidates: CandidateLoginWriter;
}

declare module 'fastify' {
  interface FastifyInstance {
    accounts: AccountService;
    logins: LoginServices;
  }
}

/** Staff accounts and the two kinds of login: what the admin and auth routes and the console call. */
export default fp(
  async (app) => {
    app.decorate('accounts', new AccountService(app.db, app.audit));
    app.decorate('logins', {
      staff: await StaffLogins.create(app.db, app.auth, app.audit),
      candidates: new CandidateLoginWriter(app.db, app.auth, app.audit, app.fallback.keys),
    });
  },
  { name: 'lectern-accounts', dependencies: ['lectern-exam-services', 'lectern-authentication', 'lectern-fallback'] },
);
