// SPDX-License-Identifier: MIT
#include <app_scheme_handler.h>

#include <gtest/gtest.h>

#include <QUrl>

using namespace Qt::StringLiterals;

namespace quire::test {
namespace {

using app::AppSchemeHandler;

TEST(AppSchemeHandler, OnlyTheAppOriginCountsAsTheApp)
{
    EXPECT_TRUE(AppSchemeHandler::isAppUrl(AppSchemeHandler::entryUrl()));
    EXPECT_EQ(AppSchemeHandler::entryUrl().toString(), u"quire://app/index.html"_s);
    EXPECT_FALSE(AppSchemeHandler::isAppUrl(QUrl(u"quire://evil/index.html"_s)));
    EXPECT_FALSE(AppSchemeHandler::isAppUrl(QUrl(u"https://app/index.html"_s)));
    EXPECT_FALSE(AppSchemeHandler::isAppUrl(QUrl(u"file:///etc/passwd"_s)));
    EXPECT_FALSE(AppSchemeHandler::isAppUrl(QUrl(u"qrc:/web/index.html"_s)));
}

TEST(AppSchemeHandler, MapsAppUrlsToBundledResourcesOnly)
{
    EXPECT_EQ(AppSchemeHandler::resourcePath(QUrl(u"quire://app/"_s)), u":/web/index.html"_s);
    EXPECT_EQ(AppSchemeHandler::resourcePath(QUrl(u"quire://app/assets/index.js"_s)), u":/web/assets/index.js"_s);
    EXPECT_EQ(
        AppSchemeHandler::resourcePath(QUrl(u"quire://app/qwebchannel.js"_s)), u":/qtwebchannel/qwebchannel.js"_s);
    EXPECT_TRUE(AppSchemeHandler::resourcePath(QUrl(u"quire://other/index.html"_s)).isEmpty());
    EXPECT_TRUE(AppSchemeHandler::resourcePath(QUrl(u"https://example.com/x.js"_s)).isEmpty());
}

TEST(AppSchemeHandler, NeverServesFilesOutsideTheBundle)
{
    // QUrl normalises "..": whatever the path becomes, it must stay under :/web.
    const QString path = AppSchemeHandler::resourcePath(QUrl(u"quire://app/../../etc/passwd"_s));
    EXPECT_TRUE(path.isEmpty() || path.startsWith(u":/web/"_s)) << path.toStdString();
    EXPECT_FALSE(path.contains(u".."_s));
}

} // namespace
} // namespace quire::test
