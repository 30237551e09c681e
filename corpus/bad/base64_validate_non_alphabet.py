# base64.b64decode with validate=True refuses characters outside the alphabet.
import base64
print(base64.b64decode(b"Zm9v\nYmFy"))
base64.b64decode(b"Zm9v\nYmFy", validate=True)
