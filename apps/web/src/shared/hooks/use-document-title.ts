import { useEffect } from 'react';

/** `<title> · Podium` while the page is shown (the admin app and the attendee's pages alike). */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · Podium` : 'Podium';
  }, [title]);
}
