import type { Product } from '../../../../shared/api/product';

const names: Record<Product, string> = { jira: 'Jira', confluence: 'Confluence' };

export const productName = (product: Product): string => names[product];
