import { getLocale, getTranslations } from 'next-intl/server';
import { LanguageSwitcher } from './language-switcher';

export async function Footer() {
  const [locale, t] = await Promise.all([getLocale(), getTranslations('footer')]);
  return (
    <footer className="footer">
      <LanguageSwitcher current={locale} label={t('language')} />
    </footer>
  );
}
