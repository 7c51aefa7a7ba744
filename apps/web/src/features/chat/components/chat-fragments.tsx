import type { ChatFragment } from '@podium/contracts';

/** Emote images come from the platforms' CDNs; anything but a web address is shown as its text. */
function imageSource(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.toString() : null;
  } catch {
    return null;
  }
}

/** A message as its parts: emotes as images (their name as the text alternative), mentions marked. */
export function ChatFragments({ fragments, text }: { fragments?: readonly ChatFragment[]; text?: string }) {
  if (!fragments || fragments.length === 0) return <>{text ?? ''}</>;
  return (
    <>
      {fragments.map((fragment, index) => {
        const key = `${index}-${fragment.type}`;
        switch (fragment.type) {
          case 'text':
            return <span key={key}>{fragment.text}</span>;
          case 'emote': {
            const src = imageSource(fragment.imageUrl);
            return src ? (
              <img
                key={key}
                className="chat-emote"
                src={src}
                alt={fragment.text}
                title={fragment.text}
                loading="lazy"
                referrerPolicy="no-referrer"
                height={28}
              />
            ) : (
              <span key={key} className="chat-emote-text">
                {fragment.text}
              </span>
            );
          }
          case 'mention':
            return (
              <span key={key} className="chat-mention">
                {fragment.text}
              </span>
            );
          case 'cheermote':
            return (
              <span key={key} className={`chat-cheermote chat-cheermote--tier-${fragment.tier}`}>
                {fragment.text}
              </span>
            );
        }
      })}
    </>
  );
}
