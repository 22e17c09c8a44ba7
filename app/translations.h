// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

// The language of the window and of the command line's messages: SynScope's own translation
// (resources/translations/synscope_<language>.ts, compiled in as :/i18n/synscope_<language>.qm)
// and Qt's for its dialogs (qtbase_<language>.qm, where the system has Qt's translations).
namespace Translations {
// "en" (the source texts) and the language of each compiled-in translation, sorted.
QStringList available();
// Installs the translators of `language` ("de", "en"), or of the system's locale (QLocale(), from
// LANG/LC_ALL/LANGUAGE) when it is empty; a system language without a translation shows English.
// Call it before any widget is made: texts are translated when they are set. False, with *error,
// for a language asked for by name that has no translation.
bool install(const QString &language, QString *error);
// The value of --language LANG or --language=LANG in argv; empty when not given. The translators
// are installed before the command line is parsed, so that --help and its errors are translated.
QString fromArguments(int argc, char **argv);
} // namespace Translations
