// SPDX-License-Identifier: MIT
#pragma once

#include <QKeySequence>
#include <QList>
#include <QString>

namespace quire::app {

/**
 * @brief One item of the window's menu bar: the page action it asks for, and the key the page
 * answers to, spelt the platform's way (a QKeySequence::StandardKey where there is one). The key
 * is only shown: bound in the window, Ctrl+Z would be taken from the page's text fields, which
 * undo their own typing.
 */
struct MenuItem {
    QString menu; ///< empty: a separator in the previous item's menu
    QString label;
    QString action; ///< the id of a page action, sent with actionRequested
    QKeySequence keys;
};

/** @brief The menu bar in order, generated from the contract's "menu" into menu_table.cpp. */
[[nodiscard]] QList<MenuItem> menuItems();

} // namespace quire::app
