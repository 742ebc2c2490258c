// SPDX-License-Identifier: MIT
// The large replies a page fetches by URL: each once, by a URL nobody can guess, and none kept
// for ever when the page never comes for it.

#include <app_scheme_handler.h>
#include <reply_store.h>

#include <gtest/gtest.h>

#include <QRegularExpression>
#include <QSet>
#include <QThread>
#include <QUrl>

#include <chrono>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace quire::test {
namespace {

using app::ReplyStore;

TEST(ReplyStore, AKeptReplyIsTakenOnceFromTheAppsOwnOrigin)
{
    ReplyStore replies;
    const QUrl url(replies.keep("[1,2,3]"_ba));

    EXPECT_TRUE(app::AppSchemeHandler::isAppUrl(url)) << url.toString().toStdString();
    EXPECT_TRUE(ReplyStore::isReplyUrl(url));
    EXPECT_EQ(replies.take(url), std::optional("[1,2,3]"_ba));
    EXPECT_EQ(replies.take(url), std::nullopt);
    EXPECT_EQ(replies.size(), 0);
}

TEST(ReplyStore, EachReplyGetsItsOwnUnguessableUrl)
{
    ReplyStore replies;
    QSet<QString> urls;
    for (int i = 0; i < 1000; ++i)
        urls.insert(replies.keep("{}"_ba));

    EXPECT_EQ(urls.size(), 1000);
    for (const QString &url : urls)
        EXPECT_TRUE(url.contains(QRegularExpression(u"/reply/[0-9a-f]{32}$"_s))) << url.toStdString();
    EXPECT_FALSE(ReplyStore::isReplyUrl(QUrl(u"quire://app/index.html"_s)));
}

TEST(ReplyStore, AReplyNobodyFetchesIsDroppedAfterItsLifetime)
{
    ReplyStore replies(250ms);
    const QUrl late(replies.keep("late"_ba));
    QThread::msleep(400);

    // Dropped at the next use of the store, whichever it is
    const QUrl fresh(replies.keep("fresh"_ba));
    EXPECT_EQ(replies.size(), 1);
    EXPECT_EQ(replies.take(late), std::nullopt);
    EXPECT_EQ(replies.take(fresh), std::optional("fresh"_ba));
}

} // namespace
} // namespace quire::test
