import Link from "next/link";

export default function NotFound() {
  return (
    <main className="auth-wrap">
      <div className="card auth-card">
        <h1>Not found</h1>
        <p className="lede">Nothing exists at this address.</p>
        <Link href="/">Back to Attest</Link>
      </div>
    </main>
  );
}
