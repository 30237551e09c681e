class MyError(Exception):
    def __init__(self, code):
        super().__init__("failed with code %d" % code)
        self.code = code

print("raising MyError")
raise MyError(42)
