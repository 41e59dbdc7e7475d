/****************************************************************************
** Meta object code from reading C++ file 'fcitx4inputcontextproxyimpl.h'
**
** Created by: The Qt Meta Object Compiler version 68 (Qt 6.4.2)
**
** WARNING! All changes made in this file will be lost!
*****************************************************************************/

#include <memory>
#include "fcitx4inputcontextproxyimpl.h"
#include <QtCore/qmetatype.h>
#if !defined(Q_MOC_OUTPUT_REVISION)
#error "The header file 'fcitx4inputcontextproxyimpl.h' doesn't include <QObject>."
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
struct qt_meta_stringdata_fcitx__Fcitx4InputContextProxyImpl_t {
    uint offsetsAndSizes[78];
    char stringdata0[35];
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
    char stringdata14[5];
    char stringdata15[23];
    char stringdata16[28];
    char stringdata17[10];
    char stringdata18[10];
    char stringdata19[20];
    char stringdata20[8];
    char stringdata21[9];
    char stringdata22[16];
    char stringdata23[23];
    char stringdata24[8];
    char stringdata25[5];
    char stringdata26[6];
    char stringdata27[12];
    char stringdata28[5];
    char stringdata29[14];
    char stringdata30[2];
    char stringdata31[2];
    char stringdata32[2];
    char stringdata33[2];
    char stringdata34[19];
    char stringdata35[5];
    char stringdata36[7];
    char stringdata37[7];
    char stringdata38[27];
};
#define QT_MOC_LITERAL(ofs, len) \
    uint(sizeof(qt_meta_stringdata_fcitx__Fcitx4InputContextProxyImpl_t::offsetsAndSizes) + ofs), len 
Q_CONSTINIT static const qt_meta_stringdata_fcitx__Fcitx4InputContextProxyImpl_t qt_meta_stringdata_fcitx__Fcitx4InputContextProxyImpl = {
    {
        QT_MOC_LITERAL(0, 34),  // "fcitx::Fcitx4InputContextProx..."
        QT_MOC_LITERAL(35, 12),  // "CommitString"
        QT_MOC_LITERAL(48, 0),  // ""
        QT_MOC_LITERAL(49, 3),  // "str"
        QT_MOC_LITERAL(53, 9),  // "CurrentIM"
        QT_MOC_LITERAL(63, 4),  // "name"
        QT_MOC_LITERAL(68, 10),  // "uniqueName"
        QT_MOC_LITERAL(79, 8),  // "langCode"
        QT_MOC_LITERAL(88, 21),  // "DeleteSurroundingText"
        QT_MOC_LITERAL(110, 6),  // "offset"
        QT_MOC_LITERAL(117, 5),  // "nchar"
        QT_MOC_LITERAL(123, 10),  // "ForwardKey"
        QT_MOC_LITERAL(134, 6),  // "keyval"
        QT_MOC_LITERAL(141, 5),  // "state"
        QT_MOC_LITERAL(147, 4),  // "type"
        QT_MOC_LITERAL(152, 22),  // "UpdateFormattedPreedit"
        QT_MOC_LITERAL(175, 27),  // "FcitxQtFormattedPreeditList"
        QT_MOC_LITERAL(203, 9),  // "cursorpos"
        QT_MOC_LITERAL(213, 9),  // "DestroyIC"
        QT_MOC_LITERAL(223, 19),  // "QDBusPendingReply<>"
        QT_MOC_LITERAL(243, 7),  // "FocusIn"
        QT_MOC_LITERAL(251, 8),  // "FocusOut"
        QT_MOC_LITERAL(260, 15),  // "ProcessKeyEvent"
        QT_MOC_LITERAL(276, 22),  // "QDBusPendingReply<int>"
        QT_MOC_LITERAL(299, 7),  // "keycode"
        QT_MOC_LITERAL(307, 4),  // "time"
        QT_MOC_LITERAL(312, 5),  // "Reset"
        QT_MOC_LITERAL(318, 11),  // "SetCapacity"
        QT_MOC_LITERAL(330, 4),  // "caps"
        QT_MOC_LITERAL(335, 13),  // "SetCursorRect"
        QT_MOC_LITERAL(349, 1),  // "x"
        QT_MOC_LITERAL(351, 1),  // "y"
        QT_MOC_LITERAL(353, 1),  // "w"
        QT_MOC_LITERAL(355, 1),  // "h"
        QT_MOC_LITERAL(357, 18),  // "SetSurroundingText"
        QT_MOC_LITERAL(376, 4),  // "text"
        QT_MOC_LITERAL(381, 6),  // "cursor"
        QT_MOC_LITERAL(388, 6),  // "anchor"
        QT_MOC_LITERAL(395, 26)   // "SetSurroundingTextPosition"
    },
    "fcitx::Fcitx4InputContextProxyImpl",
    "CommitString",
    "",
    "str",
    "CurrentIM",
    "name",
    "uniqueName",
    "langCode",
    "DeleteSurroundingText",
    "offset",
    "nchar",
    "ForwardKey",
    "keyval",
    "state",
    "type",
    "UpdateFormattedPreedit",
    "FcitxQtFormattedPreeditList",
    "cursorpos",
    "DestroyIC",
    "QDBusPendingReply<>",
    "FocusIn",
    "FocusOut",
    "ProcessKeyEvent",
    "QDBusPendingReply<int>",
    "keycode",
    "time",
    "Reset",
    "SetCapacity",
    "caps",
    "SetCursorRect",
    "x",
    "y",
    "w",
    "h",
    "SetSurroundingText",
    "text",
    "cursor",
    "anchor",
    "SetSurroundingTextPosition"
};
#undef QT_MOC_LITERAL
} // unnamed namespace

Q_CONSTINIT static const uint qt_meta_data_fcitx__Fcitx4InputContextProxyImpl[] = {

 // content:
      10,       // revision
       0,       // classname
       0,    0, // classinfo
      14,   14, // methods
       0,    0, // properties
       0,    0, // enums/sets
       0,    0, // constructors
       0,       // flags
       5,       // signalCount

 // signals: name, argc, parameters, tag, flags, initial metatype offsets
       1,    1,   98,    2, 0x06,    1 /* Public */,
       4,    3,  101,    2, 0x06,    3 /* Public */,
       8,    2,  108,    2, 0x06,    7 /* Public */,
      11,    3,  113,    2, 0x06,   10 /* Public */,
      15,    2,  120,    2, 0x06,   14 /* Public */,

 // slots: name, argc, parameters, tag, flags, initial metatype offsets
      18,    0,  125,    2, 0x0a,   17 /* Public */,
      20,    0,  126,    2, 0x0a,   18 /* Public */,
      21,    0,  127,    2, 0x0a,   19 /* Public */,
      22,    5,  128,    2, 0x0a,   20 /* Public */,
      26,    0,  139,    2, 0x0a,   26 /* Public */,
      27,    1,  140,    2, 0x0a,   27 /* Public */,
      29,    4,  143,    2, 0x0a,   29 /* Public */,
      34,    3,  152,    2, 0x0a,   34 /* Public */,
      38,    2,  159,    2, 0x0a,   38 /* Public */,

 // signals: parameters
    QMetaType::Void, QMetaType::QString,    3,
    QMetaType::Void, QMetaType::QString, QMetaType::QString, QMetaType::QString,    5,    6,    7,
    QMetaType::Void, QMetaType::Int, QMetaType::UInt,    9,   10,
    QMetaType::Void, QMetaType::UInt, QMetaType::UInt, QMetaType::Int,   12,   13,   14,
    QMetaType::Void, 0x80000000 | 16, QMetaType::Int,    3,   17,

 // slots: parameters
    0x80000000 | 19,
    0x80000000 | 19,
    0x80000000 | 19,
    0x80000000 | 23, QMetaType::UInt, QMetaType::UInt, QMetaType::UInt, QMetaType::Int, QMetaType::UInt,   12,   24,   13,   14,   25,
    0x80000000 | 19,
    0x80000000 | 19, QMetaType::UInt,   28,
    0x80000000 | 19, QMetaType::Int, QMetaType::Int, QMetaType::Int, QMetaType::Int,   30,   31,   32,   33,
    0x80000000 | 19, QMetaType::QString, QMetaType::UInt, QMetaType::UInt,   35,   36,   37,
    0x80000000 | 19, QMetaType::UInt, QMetaType::UInt,   36,   37,

       0        // eod
};

Q_CONSTINIT const QMetaObject fcitx::Fcitx4InputContextProxyImpl::staticMetaObject = { {
    QMetaObject::SuperData::link<QDBusAbstractInterface::staticMetaObject>(),
    qt_meta_stringdata_fcitx__Fcitx4InputContextProxyImpl.offsetsAndSizes,
    qt_meta_data_fcitx__Fcitx4InputContextProxyImpl,
    qt_static_metacall,
    nullptr,
    qt_incomplete_metaTypeArray<qt_meta_stringdata_fcitx__Fcitx4InputContextProxyImpl_t,
        // Q_OBJECT / Q_GADGET
        QtPrivate::TypeAndForceComplete<Fcitx4InputContextProxyImpl, std::true_type>,
        // method 'CommitString'
        QtPrivate::TypeAndForceComplete<void, std::false_type>,
        QtPrivate::TypeAndForceComplete<const QString &, std::false_type>,
        // method 'CurrentIM'
        QtPrivate::TypeAndForceComplete<void, std::false_type>,
        QtPrivate::TypeAndForceComplete<const QString &, std::false_type>,
        QtPrivate::TypeAndForceComplete<const QString &, std::false_type>,
        QtPrivate::TypeAndForceComplete<const QString &, std::false_type>,
        // method 'DeleteSurroundingText'
        QtPrivate::TypeAndForceComplete<void, std::false_type>,
        QtPrivate::TypeAndForceComplete<int, std::false_type>,
        QtPrivate::TypeAndForceComplete<unsigned int, std::false_type>,
        // method 'ForwardKey'
        QtPrivate::TypeAndForceComplete<void, std::false_type>,
        QtPrivate::TypeAndForceComplete<unsigned int, std::false_type>,
        QtPrivate::TypeAndForceComplete<unsigned int, std::false_type>,
        QtPrivate::TypeAndForceComplete<int, std::false_type>,
        // method 'UpdateFormattedPreedit'
        QtPrivate::TypeAndForceComplete<void, std::false_type>,
        QtPrivate::TypeAndForceComplete<FcitxQtFormattedPreeditList, std::false_type>,
        QtPrivate::TypeAndForceComplete<int, std::false_type>,
        // method 'DestroyIC'
        QtPrivate::TypeAndForceComplete<QDBusPendingReply<>, std::false_type>,
        // method 'FocusIn'
        QtPrivate::TypeAndForceComplete<QDBusPendingReply<>, std::false_type>,
        // method 'FocusOut'
        QtPrivate::TypeAndForceComplete<QDBusPendingReply<>, std::false_type>,
        // method 'ProcessKeyEvent'
        QtPrivate::TypeAndForceComplete<QDBusPendingReply<int>, std::false_type>,
        QtPrivate::TypeAndForceComplete<unsigned int, std::false_type>,
        QtPrivate::TypeAndForceComplete<unsigned int, std::false_type>,
        QtPrivate::TypeAndForceComplete<unsigned int, std::false_type>,
        QtPrivate::TypeAndForceComplete<int, std::false_type>,
        QtPrivate::TypeAndForceComplete<unsigned int, std::false_type>,
        // method 'Reset'
        QtPrivate::TypeAndForceComplete<QDBusPendingReply<>, std::false_type>,
        // method 'SetCapacity'
        QtPrivate::TypeAndForceComplete<QDBusPendingReply<>, std::false_type>,
        QtPrivate::TypeAndForceComplete<unsigned int, std::false_type>,
        // method 'SetCursorRect'
        QtPrivate::TypeAndForceComplete<QDBusPendingReply<>, std::false_type>,
        QtPrivate::TypeAndForceComplete<int, std::false_type>,
        QtPrivate::TypeAndForceComplete<int, std::false_type>,
        QtPrivate::TypeAndForceComplete<int, std::false_type>,
        QtPrivate::TypeAndForceComplete<int, std::false_type>,
        // method 'SetSurroundingText'
        QtPrivate::TypeAndForceComplete<QDBusPendingReply<>, std::false_type>,
        QtPrivate::TypeAndForceComplete<const QString &, std::false_type>,
        QtPrivate::TypeAndForceComplete<unsigned int, std::false_type>,
        QtPrivate::TypeAndForceComplete<unsigned int, std::false_type>,
        // method 'SetSurroundingTextPosition'
        QtPrivate::TypeAndForceComplete<QDBusPendingReply<>, std::false_type>,
        QtPrivate::TypeAndForceComplete<unsigned int, std::false_type>,
        QtPrivate::TypeAndForceComplete<unsigned int, std::false_type>
    >,
    nullptr
} };

void fcitx::Fcitx4InputContextProxyImpl::qt_static_metacall(QObject *_o, QMetaObject::Call _c, int _id, void **_a)
{
    if (_c == QMetaObject::InvokeMetaMethod) {
        auto *_t = static_cast<Fcitx4InputContextProxyImpl *>(_o);
        (void)_t;
        switch (_id) {
        case 0: _t->CommitString((*reinterpret_cast< std::add_pointer_t<QString>>(_a[1]))); break;
        case 1: _t->CurrentIM((*reinterpret_cast< std::add_pointer_t<QString>>(_a[1])),(*reinterpret_cast< std::add_pointer_t<QString>>(_a[2])),(*reinterpret_cast< std::add_pointer_t<QString>>(_a[3]))); break;
        case 2: _t->DeleteSurroundingText((*reinterpret_cast< std::add_pointer_t<int>>(_a[1])),(*reinterpret_cast< std::add_pointer_t<uint>>(_a[2]))); break;
        case 3: _t->ForwardKey((*reinterpret_cast< std::add_pointer_t<uint>>(_a[1])),(*reinterpret_cast< std::add_pointer_t<uint>>(_a[2])),(*reinterpret_cast< std::add_pointer_t<int>>(_a[3]))); break;
        case 4: _t->UpdateFormattedPreedit((*reinterpret_cast< std::add_pointer_t<FcitxQtFormattedPreeditList>>(_a[1])),(*reinterpret_cast< std::add_pointer_t<int>>(_a[2]))); break;
        case 5: { QDBusPendingReply<> _r = _t->DestroyIC();
            if (_a[0]) *reinterpret_cast< QDBusPendingReply<>*>(_a[0]) = std::move(_r); }  break;
        case 6: { QDBusPendingReply<> _r = _t->FocusIn();
            if (_a[0]) *reinterpret_cast< QDBusPendingReply<>*>(_a[0]) = std::move(_r); }  break;
        case 7: { QDBusPendingReply<> _r = _t->FocusOut();
            if (_a[0]) *reinterpret_cast< QDBusPendingReply<>*>(_a[0]) = std::move(_r); }  break;
        case 8: { QDBusPendingReply<int> _r = _t->ProcessKeyEvent((*reinterpret_cast< std::add_pointer_t<uint>>(_a[1])),(*reinterpret_cast< std::add_pointer_t<uint>>(_a[2])),(*reinterpret_cast< std::add_pointer_t<uint>>(_a[3])),(*reinterpret_cast< std::add_pointer_t<int>>(_a[4])),(*reinterpret_cast< std::add_pointer_t<uint>>(_a[5])));
            if (_a[0]) *reinterpret_cast< QDBusPendingReply<int>*>(_a[0]) = std::move(_r); }  break;
        case 9: { QDBusPendingReply<> _r = _t->Reset();
            if (_a[0]) *reinterpret_cast< QDBusPendingReply<>*>(_a[0]) = std::move(_r); }  break;
        case 10: { QDBusPendingReply<> _r = _t->SetCapacity((*reinterpret_cast< std::add_pointer_t<uint>>(_a[1])));
            if (_a[0]) *reinterpret_cast< QDBusPendingReply<>*>(_a[0]) = std::move(_r); }  break;
        case 11: { QDBusPendingReply<> _r = _t->SetCursorRect((*reinterpret_cast< std::add_pointer_t<int>>(_a[1])),(*reinterpret_cast< std::add_pointer_t<int>>(_a[2])),(*reinterpret_cast< std::add_pointer_t<int>>(_a[3])),(*reinterpret_cast< std::add_pointer_t<int>>(_a[4])));
            if (_a[0]) *reinterpret_cast< QDBusPendingReply<>*>(_a[0]) = std::move(_r); }  break;
        case 12: { QDBusPendingReply<> _r = _t->SetSurroundingText((*reinterpret_cast< std::add_pointer_t<QString>>(_a[1])),(*reinterpret_cast< std::add_pointer_t<uint>>(_a[2])),(*reinterpret_cast< std::add_pointer_t<uint>>(_a[3])));
            if (_a[0]) *reinterpret_cast< QDBusPendingReply<>*>(_a[0]) = std::move(_r); }  break;
        case 13: { QDBusPendingReply<> _r = _t->SetSurroundingTextPosition((*reinterpret_cast< std::add_pointer_t<uint>>(_a[1])),(*reinterpret_cast< std::add_pointer_t<uint>>(_a[2])));
            if (_a[0]) *reinterpret_cast< QDBusPendingReply<>*>(_a[0]) = std::move(_r); }  break;
        default: ;
        }
    } else if (_c == QMetaObject::IndexOfMethod) {
        int *result = reinterpret_cast<int *>(_a[0]);
        {
            using _t = void (Fcitx4InputContextProxyImpl::*)(const QString & );
            if (_t _q_method = &Fcitx4InputContextProxyImpl::CommitString; *reinterpret_cast<_t *>(_a[1]) == _q_method) {
                *result = 0;
                return;
            }
        }
        {
            using _t = void (Fcitx4InputContextProxyImpl::*)(const QString & , const QString & , const QString & );
            if (_t _q_method = &Fcitx4InputContextProxyImpl::CurrentIM; *reinterpret_cast<_t *>(_a[1]) == _q_method) {
                *result = 1;
                return;
            }
        }
        {
            using _t = void (Fcitx4InputContextProxyImpl::*)(int , unsigned int );
            if (_t _q_method = &Fcitx4InputContextProxyImpl::DeleteSurroundingText; *reinterpret_cast<_t *>(_a[1]) == _q_method) {
                *result = 2;
                return;
            }
        }
        {
            using _t = void (Fcitx4InputContextProxyImpl::*)(unsigned int , unsigned int , int );
            if (_t _q_method = &Fcitx4InputContextProxyImpl::ForwardKey; *reinterpret_cast<_t *>(_a[1]) == _q_method) {
                *result = 3;
                return;
            }
        }
        {
            using _t = void (Fcitx4InputContextProxyImpl::*)(FcitxQtFormattedPreeditList , int );
            if (_t _q_method = &Fcitx4InputContextProxyImpl::UpdateFormattedPreedit; *reinterpret_cast<_t *>(_a[1]) == _q_method) {
                *result = 4;
                return;
            }
        }
    }
}

const QMetaObject *fcitx::Fcitx4InputContextProxyImpl::metaObject() const
{
    return QObject::d_ptr->metaObject ? QObject::d_ptr->dynamicMetaObject() : &staticMetaObject;
}

void *fcitx::Fcitx4InputContextProxyImpl::qt_metacast(const char *_clname)
{
    if (!_clname) return nullptr;
    if (!strcmp(_clname, qt_meta_stringdata_fcitx__Fcitx4InputContextProxyImpl.stringdata0))
        return static_cast<void*>(this);
    return QDBusAbstractInterface::qt_metacast(_clname);
}

int fcitx::Fcitx4InputContextProxyImpl::qt_metacall(QMetaObject::Call _c, int _id, void **_a)
{
    _id = QDBusAbstractInterface::qt_metacall(_c, _id, _a);
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
void fcitx::Fcitx4InputContextProxyImpl::CommitString(const QString & _t1)
{
    void *_a[] = { nullptr, const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t1))) };
    QMetaObject::activate(this, &staticMetaObject, 0, _a);
}

// SIGNAL 1
void fcitx::Fcitx4InputContextProxyImpl::CurrentIM(const QString & _t1, const QString & _t2, const QString & _t3)
{
    void *_a[] = { nullptr, const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t1))), const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t2))), const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t3))) };
    QMetaObject::activate(this, &staticMetaObject, 1, _a);
}

// SIGNAL 2
void fcitx::Fcitx4InputContextProxyImpl::DeleteSurroundingText(int _t1, unsigned int _t2)
{
    void *_a[] = { nullptr, const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t1))), const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t2))) };
    QMetaObject::activate(this, &staticMetaObject, 2, _a);
}

// SIGNAL 3
void fcitx::Fcitx4InputContextProxyImpl::ForwardKey(unsigned int _t1, unsigned int _t2, int _t3)
{
    void *_a[] = { nullptr, const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t1))), const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t2))), const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t3))) };
    QMetaObject::activate(this, &staticMetaObject, 3, _a);
}

// SIGNAL 4
void fcitx::Fcitx4InputContextProxyImpl::UpdateFormattedPreedit(FcitxQtFormattedPreeditList _t1, int _t2)
{
    void *_a[] = { nullptr, const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t1))), const_cast<void*>(reinterpret_cast<const void*>(std::addressof(_t2))) };
    QMetaObject::activate(this, &staticMetaObject, 4, _a);
}
QT_WARNING_POP
QT_END_MOC_NAMESPACE
