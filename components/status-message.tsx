// A one-line page body: framed interstitials and load errors.
export function StatusMessage({ text }: { text: string }) {
  return (
    <main class="interstitial">
      <p role="status">{text}</p>
    </main>
  );
}
