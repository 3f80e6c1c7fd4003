/**
 * The slice of the postman-collection 4.4.0 SDK the generator uses (the package ships no type declarations).
 */
declare module 'postman-collection' {
  interface PropertyList<T> {
    add(item: T): void;
    count(): number;
  }
  export class Item {
    constructor(definition: object);
    toJSON(): object;
  }
  export class ItemGroup<T> {
    constructor(definition: object);
    items: PropertyList<T>;
    toJSON(): object;
  }
  export class Url {
    constructor(definition: object | string);
    toString(): string;
  }
  export class Event {
    constructor(definition: object);
  }
  export class Collection {
    constructor(definition: object);
    items: PropertyList<Item | ItemGroup<Item>>;
    events: PropertyList<Event>;
    toJSON(): Record<string, unknown>;
  }
}
