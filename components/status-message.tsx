// A one-line page body: framed interstitials and load errors. The line is the page's heading (the page
// has nothing else); the pages' #app container is a polite live region, so it is announced too.
export function StatusMessage({ text }: { text: string }) {
  return (
    <main class="interstitial">
      <h1>{text}</h1>
    </main>
  );
}
