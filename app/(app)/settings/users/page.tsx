import type { Metadata } from "next";
import { requirePage } from "@/lib/auth/guard";
import { listUsers } from "@/lib/users/queries";
import { PASSWORD_RULE } from "@/lib/validations/password";
import { CreateUserForm } from "@/components/settings/create-user-form";
import { UserRowActions } from "@/components/settings/user-row-actions";
import { UserAccountForms } from "@/components/settings/user-account-forms";
import { ROLE_LABELS } from "@/lib/permissions";
import { TableScroll } from "@/components/ui/table-scroll";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const me = await requirePage("users:manage");
  const users = await listUsers();
  return (
    <>
      <h1>Users</h1>
      <p className="lede">
        Who can sign in, and with which role. Users are never deleted: disabling one keeps their history. An admin can rename a user and
        reset their password.
      </p>
      <TableScroll label="Users">
        <table className="data" aria-label="Users">
          <thead>
            <tr>
              <th>Name</th>
              <th>E-mail</th>
              <th>Role</th>
              <th>State</th>
              <th>Last sign-in</th>
              <th>Actions</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} data-email={u.email}>
                <td>{u.name}</td>
                <td>{u.email}</td>
                <td>{ROLE_LABELS[u.role]}</td>
                <td>{u.disabledAt ? <span className="badge MISSING">Disabled</span> : <span className="badge IN_PLACE">Active</span>}</td>
                <td>{u.lastLoginAt ? u.lastLoginAt.toISOString().replace("T", " ").slice(0, 16) + " UTC" : "Never"}</td>
                <td>
                  <UserRowActions
                    userId={u.id}
                    email={u.email}
                    role={u.role}
                    disabled={Boolean(u.disabledAt)}
                    isSelf={u.id === me.user.id}
                  />
                  <UserAccountForms userId={u.id} email={u.email} name={u.name} passwordRule={PASSWORD_RULE} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <h2>Add a user</h2>
      <div className="card" style={{ maxWidth: 480 }}>
        <CreateUserForm passwordRule={PASSWORD_RULE} />
      </div>
    </>
  );
}
