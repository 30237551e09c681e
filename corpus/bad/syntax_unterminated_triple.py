print("start")
doc = """this triple-quoted string
never ends
print(doc)
