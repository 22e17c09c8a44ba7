// SPDX-License-Identifier: GPL-3.0-or-later
#include "translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QPointer>
#include <QTranslator>

#include <cstring>
#include <vector>

namespace {
// Owned by the application (their parent); kept here to be replaced when the language changes.
std::vector<QPointer<QTranslator>> &installed()
{
    static std::vector<QPointer<QTranslator>> translators;
    return translators;
}

bool add(const QLocale &locale, const QString &name, const QString &directory)
{
    auto *translator = new QTranslator(QCoreApplication::instance());
    if (!translator->load(locale, name, QStringLiteral("_"), directory)) {
        delete translator;
        return false;
    }
    QCoreApplication::installTranslator(translator);
    installed().emplace_back(translator);
    return true;
}
} // namespace

namespace Translations {

QStringList available()
{
    QStringList out {QStringLiteral("en")};
    const QStringList files = QDir(QStringLiteral(":/i18n")).entryList({QStringLiteral("synscope_*.qm")});
    for (const QString &f : files)
        out << f.mid(qsizetype(std::strlen("synscope_"))).chopped(qsizetype(std::strlen(".qm")));
    out.sort();
    return out;
}

bool install(const QString &language, QString *error)
{
    for (const QPointer<QTranslator> &t : installed()) {
        if (!t) continue;
        QCoreApplication::removeTranslator(t);
        delete t;
    }
    installed().clear();
    QLocale locale;
    if (!language.isEmpty()) {
        if (!available().contains(language)) {
            *error = QCoreApplication::translate("synscope", "there is no translation into '%1' (languages: %2)")
                         .arg(language, available().join(QStringLiteral(", ")));
            return false;
        }
        // Dates and Qt's own dialogs follow the language asked for, not the system's.
        locale = QLocale(language);
        QLocale::setDefault(locale);
    }
    // Qt's own texts (dialog buttons, the file dialog) only where SynScope speaks the language too:
    // an English window with German buttons would be worse than either.
    if (add(locale, QStringLiteral("synscope"), QStringLiteral(":/i18n")))
        add(locale, QStringLiteral("qtbase"), QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    return true;
}

QString fromArguments(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--language") && i + 1 < argc) return QString::fromLocal8Bit(argv[i + 1]);
        if (!std::strncmp(argv[i], "--language=", 11)) return QString::fromLocal8Bit(argv[i] + 11);
    }
    return {};
}

} // namespace Translations
