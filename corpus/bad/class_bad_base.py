class C(bool): pass
