/****************************************************************************
** Meta object code from reading C++ file 'fcitx4inputcontextproxy.h'
**
** Created by: The Qt Meta Object Compiler version 68 (Qt 6.4.2)
**
** WARNING! All changes made in this file will be lost!
*****************************************************************************/

#include <memory>
#include "fcitx4inputcontextproxy.h"
#include <QtCore/qmetatype.h>
#if !defined(Q_MOC_OUTPUT_REVISION)
#error "The header file 'fcitx4inputcontextproxy.h' doesn't include <QObject>."
#elif Q_MOC_OUTPUT_REVISION != 68
#error "This file was generated using the moc from 6.4.2. It"
#error "cannot be used with the include files from this version of Qt."
#error "(The moc has changed too much.)"
#endif

#ifndef Q_CONSTINIT
#define Q_CONSTINIT
#endif

QT_BEGIN_MOC_NAMESPACE
QT_WARNING_PUSH
QT_WARNING_DISABLE_DEPRECATED
namespace {
struct qt_meta_stringdata_fcitx__Fcitx4InputContextProxy_t {
    uint offsetsAndSizes[80];
    char stringdata0[31];
    char stringdata1[13];
    char stringdata2[1];
    char stringdata3[4];
    char stringdata4[10];
    char stringdata5[5];
    char stringdata6[11];
    char stringdata7[9];
    char stringdata8[22];
    char stringdata9[7];
    char stringdata10[6];
    char stringdata11[11];
    char stringdata12[7];
    char stringdata13[6];
    char stringdata14[10];
    char stringdata15[23];
    char stringdata16[28];
    char stringdata17[10];
    char stringdata18[20];
    char stringdata19[8];
    char stringdata20[20];
    char stringdata21[9];
    char stringdata22[16];
    char stringdata23[23];
    char stringdata24[8];
    char stringdata25[5];
    char stringdata26[5];
    char stringdata27[6];
    char stringdata28[14];
    char stringdata29[5];
    char stringdata30[14];
    char stringdata31[2];
    char stringdata32[2];
    char stringdata33[2];
    char stringdata34[2];
    char stringdata35[19];
    char stringdata36[5];
    char stringdata37[7];
    char stringdata38[7];
    char stringdata39[27];
};
#define QT_MOC_LITERAL(ofs, len) \
    uint(sizeof(qt_meta_stringdata_fcitx__Fcitx4InputContextProxy_t::offsetsAndSizes) + ofs), len 
Q_CONSTINIT static const qt_meta_stringdata_fcitx__Fcitx4InputContextProxy_t qt_meta_stringdata_fcitx__Fcitx4InputContextProxy = {
    {
        QT_MOC_LITERAL(0, 30),  // "fcitx::Fcitx4InputContextProxy"
        QT_MOC_LITERAL(31, 12),  // "commitString"
        QT_MOC_LITERAL(44, 0),  // ""
        QT_MOC_LITERAL(45, 3),  // "str"
        QT_MOC_LITERAL(49, 9),  // "currentIM"
        QT_MOC_LITERAL(59, 4),  // "name"
        QT_MOC_LITERAL(64, 10),  // "uniqueName"
        QT_MOC_LITERAL(75, 8),  // "langCode"
        QT_MOC_LITERAL(84, 21),  // "deleteSurroundingText"
        QT_MOC_LITERAL(106, 6),  // "offset"
        QT_MOC_LITERAL(113, 5),  // "nchar"
        QT_MOC_LITERAL(119, 10),  // "forwardKey"
        QT_MOC_LITERAL(130, 6),  // "keyval"
        QT_MOC_LITERAL(137, 5),  // "state"
        QT_MOC_LITERAL(143, 9),  // "isRelease"
        QT_MOC_LITERAL(153, 22),  // "updateFormattedPreedit"
        QT_MOC_LITERAL(176, 27),  // "FcitxQtFormattedPreeditList"
        QT_MOC_LITERAL(204, 9),  // "cursorpos"
        QT_MOC_LITERAL(214, 19),  // "inputContextCreated"
        QT_MOC_LITERAL(234, 7),  // "focusIn"
        QT_MOC_LITERAL(242, 19),  // "QDBusPendingReply<>"
        QT_MOC_LITERAL(262, 8),  // "focusOut"
        QT_MOC_LITERAL(271, 15),  // "processKeyEvent"
        QT_MOC_LITERAL(287, 22),  // "QDBusPendingReply<int>"
        QT_MOC_LITERAL(310, 7),  // "keycode"
        QT_MOC_LITERAL(318, 4),  // "type"
        QT_MOC_LITERAL(323, 4),  // "time"
        QT_MOC_LITERAL(328, 5),  // "reset"
        QT_MOC_LITERAL(334, 13),  // "setCapability"
        QT_MOC_LITERAL(348, 4),  // "caps"
        QT_MOC_LITERAL(353, 13),  // "setCursorRect"
        QT_MOC_LITERAL(367, 1),  // "x"
        QT_MOC_LITERAL(369, 1),  // "y"
        QT_MOC_LITERAL(371, 1),  // "w"
        QT_MOC_LITERAL(373, 1),  // "h"
        QT_MOC_LITERAL(375, 18),  // "setSurroundingText"
        QT_MOC_LITERAL(394, 4),  // "text"
        QT_MOC_LITERAL(399, 6),  // "cursor"
        QT_MOC_LITERAL(406, 6),  // "anchor"
        QT_MOC_LITERAL(413, 26)   // "setSurroundingTextPosition"
    },
    "fcitx::Fcitx4InputContextProxy",
    "commitString",
    "",
    "str",
    "currentIM",
    "name",
    "uniqueName",
    "langCode",
    "deleteSurroundingText",
    "offset",
    "nchar",
    "forwardKey",
    "keyval",
    "state",
    "isRelease",
    "updateFormattedPreedit",
    "FcitxQtFormattedPreeditList",
    "cursorpos",
    "inputContextCreated",
    "focusIn",
    "QDBusPendingReply<>",
    "focusOut",
    "processKeyEvent",
    "QDBusPendingReply<int>",
    "keycode",
    "type",
    "time",
    "reset",
    "setCapability",
    "caps",
    "setCursorRect",
    "x",
    "y",
    "w",
    "h",
    "setSurroundingText",
    "text",
    "cursor",
    "anchor",
    "setSurroundingTextPosition"
};
#undef QT_MOC_LITERAL
} // unnamed namespace

Q_CONSTINIT static const uint qt_meta_data_fcitx__Fcitx4InputContextProxy[] = {

 // content:
      10,       // revision
       0,       // classname
       0,    0, // classinfo
      14,   14, // methods
       0,    0, // properties
       0,    0, // enums/sets
       0,    0, // constructors
       0,       // flags
       6,       // signalCount

 // signals: name, argc, parameters, tag, flags, initial metatype offsets
       1,    1,   98,    2, 0x06,    1 /* Public */,
       4,    3,  101,    2, 0x06,    3 /* Public */,
       8,    2,  108,    2, 0x06,    7 /* Public */,
      11,    3,  113,    2, 0x06,   10 /* Public */,
      15,    2,  120,    2, 0x06,   14 /* Public */,
      18,    0,  125,    2, 0x06,   17 /* Public */,

 // slots: name, argc, parameters, tag, flags, initial metatype offsets
      19,    0,  126,    2, 0x0a,   18 /* Public */,
      21,    0,  127,    2, 0x0a,   19 /* Public */,
      22,    5,  128,    2, 0x0a,   20 /* Public */,
      27,    0,  139,    2, 0x0a,   26 /* Public */,
      28,    1,  140,    2, 0x0a,   27 /* Public */,
      30,    4,  143,    2, 0x0a,   29 /* Public */,
      35,    3,  152,    2, 0x0a,   34 /* Public */,
      39,    2,  159,    2, 0x0a,   38 /* Public */,

 // signals: parameters
    QMetaType::Void, QMetaType::QString,    3,
    QMetaType::Void, QMetaType::QString, QMetaType::QString, QMetaType::QString,    5,    6,    7,
    QMetaType::Void, QMetaType::Int, QMetaType::UInt,    9,   10,
    QMetaType::Void, QMetaType::UInt, QMetaType::UInt, QMetaType::Bool,   12,   13,   14,
    QMetaType::Void, 0x80000000 | 16, QMetaType::Int,    3,   17,
    QMetaType::Void,

 // slots: parameters
    0x80000000 | 20,
    0x80000000 | 20,
    0x80000000 | 23, QMetaType::UInt, QMetaType::UInt, QMetaType::UInt, QMetaType::Int, QMetaType::UInt,   12,   24,   13,   25,   26,
    0x80000000 | 20,
    0x80000000 | 20, QMetaType::UInt,   29,
    0x80000000 | 20, QMetaType::Int, QMetaType::Int, QMetaType::Int, QMetaType::Int,   31,   32,   33,   34,
    0x80000000 | 20, QMetaType::QString, QMetaType::UInt, QMetaType::UInt,   36,   37,   38,
    0x80000000 | 20, QMetaType::UInt, QMetaType::UInt,   37,   38,

       0        // eod
};

Q_CONSTINIT const QMetaObject fcitx::Fcitx4InputContextProxy::staticMetaObject = { {
    QMetaObject::SuperData::link<QObject::staticMetaObject>(),
    qt_meta_stringdata_fcitx__Fcitx4InputContextProxy.offsetsAndSizes,
    qt_meta_data_fcitx__Fcitx4InputContextProxy,
    qt_static_metacall,
    nullptr,
    qt_incomplete_metaTypeArray<qt_meta_stringdata_fcitx__Fcitx4InputContextProxy_t,
        // Q_OBJECT / Q_GADGET
        QtPrivate::TypeAndForceComplete<Fcitx4InputContextProxy, std::true_type>,
        // method 'commitString'
        QtPrivate::TypeAndForceComplete<void, std::false_type>,
        QtPrivate::TypeAndForceComplete<const QString &, std::false_type>,
        // method 'currentIM'
        QtPrivate::TypeAndForceComplete<void, std::false_type>,
        QtPrivate::TypeAndForceComplete<const QString &, std::false_type>,
        QtPrivate::TypeAndForceComplete<const QString &, std::false_type>,
        QtPrivate::TypeAndForceComplete<const QString &, std::false_type>,
        // method 'deleteSurroundingText'
        QtPrivate::TypeAndForceComplete<void, std::false_type>,
        QtPrivate::TypeAndForceComplete<int, std::false_type>,
        QtPrivate::TypeAndForceComplete<unsigned int, std::false_type>,
        // method 'forwardKey'
        QtPrivate::TypeAndForceComplete<void, std::false_type>,
        QtPrivate::TypeAndForceComplete<unsigned int, std::false_type>,
        QtPrivate::TypeAndForceComplete<unsigned int, std::false_type>,
        QtPrivate::TypeAndForceComplete<bool, std::false_type>,
        // method 'updateFormattedPreedit'
        QtPrivate::TypeAndForceComplete<void, std::false_type>,
        QtPrivate::TypeAndForceComplete<const FcitxQtFormattedPreeditList &, std::false_type>,
        QtPrivate::TypeAndForceComplete<int, std::false_type>,
        // method 'inputContextCreated'
        QtPrivate::TypeAndForceComplete<void, std::false_type>,
        // method 'focusIn'
        QtPrivate::TypeAndForceComplete<QDBusPendingReply<>, std::false_type>,
        // method 'focusOut'
        QtPrivate::TypeAndForceComplete<QDBusPendingReply<>, std::false_type>,
        // method 'processKeyEvent'
        QtPrivate::TypeAndForceComplete<QDBusPendingReply<int>, std::false_type>,
        QtPrivate::TypeAndForceComplete<unsigned int, std::false_type>,
        QtPrivate::TypeAndForceComplete<unsigned int, std::false_type>,
        QtPrivate::TypeAndForceComplete<unsigned int, std::false_type>,
        QtPrivate::TypeAndForceComplete<int, std::false_type>,
        QtPrivate::TypeAndForceComplete<unsigned int, std::false_type>,
        // method 'reset'
        QtPrivate::TypeAndForceComplete<QDBusPendingReply<>, std::false_type>,
        // method 'setCapability'
        QtPrivate::TypeAndForceComplete<QDBusPendingReply<>, std::false_type>,
        QtPrivate::TypeAndForceComplete<unsigned int, std::false_type>,
        // method 'setCursorRect'
        QtPrivate::TypeAndForceComplete<QDBusPendingReply<>, std::false_type>,
        QtPrivate::TypeAndForceComplete<int, std::false_type>,
        QtPrivate::TypeAndForceComplete<int, std::false_type>,
        QtPrivate::TypeAndForceComplete<int, std::false_type>,
        QtPrivate::TypeAndForceComplete<int, std::false_type>,
        // method 'setSurroundingText'
        QtPrivate::TypeAndForceComplete<QDBusPendingReply<>, std::false_type>,
        QtPrivate::TypeAndForceComplete<const QString &, std::false_type>,
        QtPrivate::TypeAndForceComplete<unsigned int, std::false_type>,
        QtPrivate::TypeAndForceComplete<unsigned int, std::false_type>,
        // method 'setSurroundingTextPosition'
        QtPrivate::TypeAndForceComplete<QDBusPendingReply<>, std::false_type>,
        QtPrivate::TypeAndForceComplete<unsigned int, std::false_type>,
        QtPrivate::TypeAndForceComplete<unsigned int, std::false_type>
    >,
    nullptr
} };

void fcitx::Fcitx4InputContextProxy::qt_static_metacall(QObject *_o, QMetaObject::Call _c, int _id, void **_a)
{
    if (_c == QMetaObject::InvokeMetaMethod) {
        auto *_t = static_cast<Fcitx4InputContextProxy *>(_o);
        (void)_t;
        switch (_id) {
        case 0: _t->commitString((*reinterpret_cast< std::add_pointer_t<QString>>(_a[1]))); break;
        case 1: _t->currentIM((*reinterpret_cast< std::add_pointer_t<QString>>(_a[1])),(*reinterpret_cast< std::add_pointer_t<QString>>(_a[2])),(*reinterpret_cast< std::add_pointer_t<QString>>(_a[3]))); break;
        case 2: _t->deleteSurroundingText((*reinterpret_cast< std::add_pointer_t<int>>(_a[1])),(*reinterpret_cast< std::add_pointer_t<uint>>(_a[2]))); break;
        case 3: _t->forwardKey((*reinterpret_cast< std::add_pointer_t<uint>>(_a[1])),(*reinterpret_cast< std::add_pointer_t<uint>>(_a[2])),(*reinterpret_cast< std::add_pointer_t<bool>>(_a[3]))); break;
        case 4: _t->updateFormattedPreedit((*reinterpret_cast< std::add_pointer_t<FcitxQtFormattedPreeditList>>(_a[1])),(*reinterpret_cast< std::add_pointer_t<int>>(_a[2]))); break;
        case 5: _t->inputContextCreated(); break;
        case 6: { QDBusPendingReply<> _r = _t->focusIn();
            if (_a[0]) *reinterpret_cast< QDBusPendingReply<>*>(_a[0]) = std::move(_r); }  break;
        case 7: { QDBusPendingReply<> _r = _t->focusOut();
            if (_a[0]) *reinterpret_cast< QDBusPendingReply<>*>(_a[0]) = std::move(_r); }  break;
        case 8: { QDBusPendingReply<int> _r = _t->processKeyEvent((*reinterpret_cast< std::add_pointer_t<uint>>(_a[1])),(*reinterpret_cast< std::add_pointer_t<uint>>(_a[2])),(*reinterpret_cast< std::add_pointer_t<uint>>(_a[3])),(*reinterpret_cast< std::add_pointer_t<int>>(_a[4])),(*reinterpret_cast< std::add_pointer_t<uint>>(_a[5])));
            if (_a[0]) *reinterpret_cast< QDBusPendingReply<int>*>(_a[0]) = std::move(_r); }  break;
        case 9: { QDBusPendingReply<> _r = _t->reset();
            if (_a[0]) *reinterpret_cast< QDBusPendingReply<>*>(_a[0]) = std::move(_r); }  break;
        case 10: { QDBusPendingReply<> _r = _t->setCapability((*reinterpret_cast< std::add_pointer_t<uint>>(_a[1])));
            if (_a[0]) *reinterpret_cast< QDBusPendingReply<>*>(_a[0]) = std::move(_r); }  break;
        case 11: { QDBusPendingReply<> _r = _t->setCursorRect((*reinterpret_cast< std::add_pointer_t<int>>(_a[1])),(*reinterpret_cast< std::add_pointer_t<int>>(_a[2])),(*reinterpret_cast< std::add_pointer_t<int>>(_a[3])),(*reinterpret_cast< std::add_pointer_t<int>>(_a[4])));
            if (_a[0]) *reinterpret_cast< QDBusPendingReply<>*>(_a[0]) = std::move(_r); }  break;
        case 12: { QDBusPendingReply<> _r = _t->setSurroundingText((*reinterpret_cast< std::add_pointer_t<QString>>(_a[1])),(*reinterpret_cast< std::add_pointer_t<uint>>(_a[2])),(*reinterpret_cast< std::add_pointer_t<uint>>(_a[3])));
            if (_a[0]) *reinterpret_cast< QDBusPendingReply<>*>(_a[0]) = std::move(_r); }  break;
        case 13: { QDBusPendingReply<> _r = _t->setSurroundingTextPosition((*reinterpret_cast< std::add_pointer_t<uint>>(_a[1])),(*reinterpret_cast< std::add_pointer_t<uint>>(_a[2])));
            if (_a[0]) *reinterpret_cast< QDBusPendingReply<>*>(_a[0]) = std::move(_r); }  break;
        default: ;
        }
    } else if (_c == QMetaObject::IndexOfMethod) {
        int *result = reinterpret_cast<int *>(_a[0]);
        {
            using _t = void (Fcitx4InputContextProxy::*)(const QString & );
            if (_t _q_method = &Fcitx4InputContextProxy::commitString; *reinterpret_cast<_t *>(_a[1]) == _q_method) {
                *result = 0;
                return;
            }
        }
        {
            using _t = void (Fcitx4InputContextProxy::*)(const QString & , const QString & , const QString & );
            if (_t _q_method = &Fcitx4InputContextProxy::currentIM; *reinterpret_cast<_t *>(_a[1]) == _q_method) {
                *result = 1;
                return;
            }
        }
        {
            using _t = void (Fcitx4InputContextProxy::*)(int , unsigned int );
            if (_t _q_method = &Fcitx4InputContextProxy::deleteSurroundingText; *reinterpret_cast<_t *>(_a[1]) == _q_method) {
                *result = 2;
                return;
            }
        }
        {
            using _t = void (Fcitx4InputContextProxy::*)(unsigned int , unsigned int , bool );
            if (_t _q_method = &Fcitx4InputContextProxy::forwardKey; *reinterpret_cast<_t *>(_a[1]) == _q_method) {
                *result = 3;
                return;
            }
        }
        {
            using _t = void (Fcitx4InputContextProxy::*)(const FcitxQtFormattedPreeditList & , int );
            if (_t _q_method = &Fcitx4InputContextProxy::updateFormattedPreedit; *reinterpret_cast<_t *>(_a[1]) == _q_method) {
                *result = 4;
                return;
            }
        }
        {
            using _t = void (Fcitx4InputContextProxy::*)();
            if (_t _q_method = &Fcitx4InputContextProxy::inputContextCreated; *reinterpret_cast<_t *>(_a[1]) == _q_method) {
                *result = 5;
                return;
            }
        }
    }
}

const QMetaObject *fcitx::Fcitx4InputContextProxy::metaObject() const
{
    return QObject::d_ptr->metaObject ? QObject::d_ptr->dynamicMetaObject() : &staticMetaObject;
}

void *fcitx::Fcitx4InputContextProxy::qt_metacast(const char *_clname)
{
    if (!_clname) return nullptr;
    if (!strcmp(_clname, qt_meta_stringdata_fcitx__Fcitx4InputContextProxy.stringdata0))
        return static_cast<void*>(this);
    return QObject::qt_metacast(_clname);
}

int fcitx::Fcitx4InputContextProxy::qt_metacall(QMetaObject::Call _c, int _id, void **_a)
{
    _id = QObject::qt_metacall(_c, _id, _a);
    if (_id < 0)
        return _id;
    if (_c == QMetaObject::InvokeMetaMethod) {
        if (_id < 14)
            qt_static_metacall(this, _c, _id, _a);
        _id -= 14;
    } else if (_c == QMetaObject::RegisterMethodArgumentMetaType) {
        if (_id < 14)
            *reinterpret_cast<QMetaType *>(_a[0]) = QMetaType();
        _id -= 14;
    }
    return _id;
}

// SIGNAL 0
void fcitx::Fcitx4InputContextProxy::commitString(const QString & _t1)
{
    void *_a[] = { nullptr, const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t1))) };
    QMetaObject::activate(this, &staticMetaObject, 0, _a);
}

// SIGNAL 1
void fcitx::Fcitx4InputContextProxy::currentIM(const QString & _t1, const QString & _t2, const QString & _t3)
{
    void *_a[] = { nullptr, const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t1))), const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t2))), const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t3))) };
    QMetaObject::activate(this, &staticMetaObject, 1, _a);
}

// SIGNAL 2
void fcitx::Fcitx4InputContextProxy::deleteSurroundingText(int _t1, unsigned int _t2)
{
    void *_a[] = { nullptr, const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t1))), const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t2))) };
    QMetaObject::activate(this, &staticMetaObject, 2, _a);
}

// SIGNAL 3
void fcitx::Fcitx4InputContextProxy::forwardKey(unsigned int _t1, unsigned int _t2, bool _t3)
{
    void *_a[] = { nullptr, const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t1))), const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t2))), const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t3))) };
    QMetaObject::activate(this, &staticMetaObject, 3, _a);
}

// SIGNAL 4
void fcitx::Fcitx4InputContextProxy::updateFormattedPreedit(const FcitxQtFormattedPreeditList & _t1, int _t2)
{
    void *_a[] = { nullptr, const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t1))), const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t2))) };
    QMetaObject::activate(this, &staticMetaObject, 4, _a);
}

// SIGNAL 5
void fcitx::Fcitx4InputContextProxy::inputContextCreated()
{
    QMetaObject::activate(this, &staticMetaObject, 5, nullptr);
}
QT_WARNING_POP
QT_END_MOC_NAMESPACE
